#include "sim/parallel/process_group.hpp"

#include <chrono>
#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>

#ifdef KFSIM_HAVE_MPI
#include <mpi.h>
#endif

namespace kfsim {

namespace {

// mpirun (OpenMPI's, or a PMI/PMIx launcher) marks the processes it starts; a plain
// `kfsim run` must not initialise MPI, which can be slow or fail outside a job.
bool started_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr ||
         std::getenv("PMI_SIZE") != nullptr;
}

#ifdef KFSIM_HAVE_MPI
// One tag for all results: MPI keeps the messages from one process in the order they were
// sent, each process sends its tasks in increasing order and process 0 receives them in that
// order; the header repeats the task so that a mix-up is caught rather than written.
constexpr int kResultTag = 1;

void check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw std::runtime_error(std::string("MPI: ") + what + " failed");
}
#endif

}  // namespace

bool ProcessGroup::mpi_available() {
#ifdef KFSIM_HAVE_MPI
  return true;
#else
  return false;
#endif
}

ProcessGroup::ProcessGroup(int* argc, char*** argv) {
#ifdef KFSIM_HAVE_MPI
  if (!started_by_mpirun()) return;
  int provided = 0;
  check(MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
  joined_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
#else
  (void)argc;
  (void)argv;
  if (started_by_mpirun() && std::getenv("OMPI_COMM_WORLD_RANK") != nullptr &&
      std::string(std::getenv("OMPI_COMM_WORLD_SIZE")) != "1") {
    // Without MPI every process would run the whole ensemble and race to write one file.
    throw std::runtime_error(
        "this kfsim was built without MPI (cmake -DKFSIM_MPI=ON needs libopenmpi-dev); run it "
        "without mpirun");
  }
#endif
}

ProcessGroup::~ProcessGroup() {
#ifdef KFSIM_HAVE_MPI
  if (joined_) MPI_Finalize();
#endif
}

int ProcessGroup::broadcast(int value) const {
#ifdef KFSIM_HAVE_MPI
  if (joined_) check(MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD), "MPI_Bcast");
#endif
  return value;
}

void ProcessGroup::send_result(std::size_t task, std::int64_t number,
                               std::span<const std::byte> bytes) const {
#ifdef KFSIM_HAVE_MPI
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw std::runtime_error("a task's results exceed 2 GiB, more than one MPI message holds");
  }
  const std::int64_t header[3] = {static_cast<std::int64_t>(task), number,
                                  static_cast<std::int64_t>(bytes.size())};
  check(MPI_Send(header, 3, MPI_INT64_T, 0, kResultTag, MPI_COMM_WORLD), "MPI_Send");
  check(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, kResultTag,
                 MPI_COMM_WORLD),
        "MPI_Send");
#else
  (void)task;
  (void)number;
  (void)bytes;
  throw std::logic_error("send_result in a group of one");
#endif
}

std::optional<std::vector<std::byte>> ProcessGroup::receive_result(
    std::size_t task, std::int64_t& number, const std::atomic<bool>* stop) const {
#ifdef KFSIM_HAVE_MPI
  std::int64_t header[3] = {0, 0, 0};
  const int source = owner_of(task);
  // The header is awaited by polling, so that a stop request is noticed while other processes
  // still run (or have died); the bytes follow at once.
  MPI_Request request = MPI_REQUEST_NULL;
  check(MPI_Irecv(header, 3, MPI_INT64_T, source, kResultTag, MPI_COMM_WORLD, &request),
        "MPI_Irecv");
  for (int arrived = 0;;) {
    check(MPI_Test(&request, &arrived, MPI_STATUS_IGNORE), "MPI_Test");
    if (arrived) break;
    if (stop != nullptr && stop->load()) {
      MPI_Cancel(&request);
      MPI_Request_free(&request);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (header[0] != static_cast<std::int64_t>(task)) {
    throw std::runtime_error("process " + std::to_string(source) + " sent task " +
                             std::to_string(header[0]) + " where task " + std::to_string(task) +
                             " was expected");
  }
  number = header[1];
  std::vector<std::byte> bytes(static_cast<std::size_t>(header[2]));
  check(MPI_Recv(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, source, kResultTag,
                 MPI_COMM_WORLD, MPI_STATUS_IGNORE),
        "MPI_Recv");
  return bytes;
#else
  (void)task;
  (void)number;
  (void)stop;
  throw std::logic_error("receive_result in a group of one");
#endif
}

void ProcessGroup::abort(int exit_code) const {
#ifdef KFSIM_HAVE_MPI
  if (joined_) MPI_Abort(MPI_COMM_WORLD, exit_code);
#endif
  std::exit(exit_code);
}

}  // namespace kfsim
