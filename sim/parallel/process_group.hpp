#pragma once
// The processes of a run started by mpirun (OpenMPI): process 0 reads and writes files and
// the others send it their results. A run not started by mpirun, or a build without MPI, is a
// group of one and never touches MPI.
//
// Tasks are dealt round-robin, task i to process i % size: every task costs about the same
// (one replicate of one scenario), so a fixed deal balances as well as a dynamic one, and it
// lets every process know without talking who runs what.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kfsim {

class ProcessGroup {
 public:
  // Joins the MPI job when the process was started by mpirun (MPI_Init_thread, funneled: only
  // the main thread calls MPI); otherwise a group of one. Call once, from main.
  ProcessGroup(int* argc, char*** argv);
  ~ProcessGroup();  // MPI_Finalize
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool is_root() const { return rank_ == 0; }
  bool distributed() const { return size_ > 1; }
  // Whether this build can join an MPI job at all.
  static bool mpi_available();

  int owner_of(std::size_t task) const {
    return static_cast<int>(task % static_cast<std::size_t>(size_));
  }
  bool owns(std::size_t task) const { return owner_of(task) == rank_; }

  // Process 0 tells every process a decision (e.g. "the output file may be written"): the
  // value of process 0 is returned everywhere.
  int broadcast(int value) const;

  // A task's result, from its owner to process 0: a number and the bytes of the measures.
  // Blocking. Messages are tagged by task, so they cannot be confused.
  void send_result(std::size_t task, std::int64_t number, std::span<const std::byte> bytes) const;
  // Waits for the result, polling `stop` (may be null) while none has come: a set flag (a
  // signal; mpirun sends SIGTERM when another process dies) ends the wait with nullopt.
  std::optional<std::vector<std::byte>> receive_result(std::size_t task, std::int64_t& number,
                                                       const std::atomic<bool>* stop) const;

  // Ends every process of the job with the exit code (MPI_Abort): after one process fails,
  // the others must not wait for it forever. Outside MPI, std::exit.
  [[noreturn]] void abort(int exit_code) const;

 private:
  int rank_ = 0;
  int size_ = 1;
  bool joined_ = false;
};

}  // namespace kfsim
