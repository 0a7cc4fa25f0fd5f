// kfsim brief: a briefing in Norwegian for the steering group (HTML and PDF) from result files.
// It checks the files and the outputs here, then runs notebooks/briefing/make_briefing.py, which
// reads the files with h5py, draws the figures and writes the page, and passes its exit status on.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "output/nc_reader.hpp"
#include "output/output_error.hpp"
#include "output/provenance.hpp"
#include "output/result_validation.hpp"
#include "sim/app/command_line.hpp"
#include "sim/app/commands.hpp"
#include "sim/app/output_guard.hpp"

#ifndef KFSIM_SOURCE_DIR
#error "KFSIM_SOURCE_DIR must name the source tree (set by sim/app/CMakeLists.txt)"
#endif

namespace kfsim::app {

namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kBriefUsage =
    "Usage: kfsim brief BASE.h5 [SCENARIO.h5 ...] -o FILE.html [--pdf FILE.pdf | --no-pdf]\n"
    "                   [--years 2030,2035,2040] [--force] [--quiet]\n"
    "\n"
    "Writes a briefing in Norwegian (bokmål) for readers who are not modellers: key messages,\n"
    "competence groups rated shortage, balance or surplus with how sure the model is, what each\n"
    "scenario assumes and changes (paired with the baseline replicate by replicate), the\n"
    "municipalities, how to read it and the runs' provenance. The first file is the baseline.\n"
    "One self-contained HTML page and a PDF made from it (WeasyPrint).\n"
    "\n"
    "Environment: KFSIM_PYTHON (default /usr/bin/python3, with h5py, numpy, matplotlib and\n"
    "WeasyPrint), KFSIM_BRIEFING_SCRIPT (default: notebooks/briefing/make_briefing.py of the\n"
    "source tree kfsim was built from).\n";

std::string environment_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

bool looks_like_years(const std::string& text) {
  if (text.empty()) return false;
  std::size_t digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == ',' || c == ' ') {
      if (c == ',' && digits != 4) return false;
      if (c == ',') digits = 0;
    } else {
      return false;
    }
  }
  return digits == 4;
}

// Runs `arguments` (the program first) and waits; returns its exit status, or kExitFailure when
// it could not start or was killed by a signal.
int run_and_wait(const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  argv.reserve(arguments.size() + 1);
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child < 0) {
    std::cerr << "kfsim: cannot start " << arguments.front() << ": " << std::strerror(errno)
              << "\n";
    return kExitFailure;
  }
  if (child == 0) {
    execv(argv[0], argv.data());
    std::cerr << "kfsim: cannot run " << arguments.front() << ": " << std::strerror(errno)
              << " (set KFSIM_PYTHON to a Python 3 with h5py, matplotlib and WeasyPrint)\n";
    _exit(kExitFailure);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      std::cerr << "kfsim: lost the briefing process: " << std::strerror(errno) << "\n";
      return kExitFailure;
    }
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  std::cerr << "kfsim: the briefing process ended by signal " << WTERMSIG(status)
            << "; no briefing written\n";
  return kExitFailure;
}

}  // namespace

int command_brief(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::vector<std::string> files;
  std::string html_file;
  std::string pdf_file;
  std::string years_text;
  // clang-format off
  options.add_options()
    ("help,h", "show this help")
    ("files", po::value(&files)->composing(), "result files (.h5): the baseline first")
    ("output,o", po::value(&html_file)->required(), "the briefing to write (.html)")
    ("pdf", po::value(&pdf_file), "the PDF to write (default: the HTML's name with .pdf)")
    ("no-pdf", "write no PDF")
    ("years", po::value(&years_text), "years of the rating table, comma-separated (default 2030,2035,2040, those the files hold)")
    ("force", "overwrite existing files")
    ("quiet,q", "print nothing but errors");
  // clang-format on
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map values;
  if (auto code = parse_options(args, options, positional, values, kBriefUsage)) return *code;
  const bool force = values.count("force") > 0;
  const bool no_pdf = values.count("no-pdf") > 0;
  if (files.empty()) {
    std::cerr << "kfsim: brief needs at least a baseline result file\n\n"
              << kBriefUsage << "\n"
              << options;
    return kExitUsage;
  }
  if (no_pdf && !pdf_file.empty()) {
    std::cerr << "kfsim: --pdf and --no-pdf exclude each other\n";
    return kExitUsage;
  }
  if (values.count("years") && !looks_like_years(years_text)) {
    std::cerr << "kfsim: --years expects years separated by commas (e.g. 2030,2035,2040), not '"
              << years_text << "'\n";
    return kExitUsage;
  }
  if (!no_pdf && pdf_file.empty()) pdf_file = fs::path(html_file).replace_extension(".pdf");

  for (const auto& file : files) {
    std::error_code error;
    if (!fs::is_regular_file(file, error)) {
      std::cerr << "kfsim: " << file << ": no such file\n";
      return kExitUsage;
    }
    try {
      (void)output::read_provenance(file);
      // The briefing's script trusts what it reads: the values are checked here first.
      const output::FileInfo info = output::read_file_info(file);
      output::validate_result_file(file, info);
      // The briefing is about competence gaps, which a run of the demography alone lacks.
      const bool has_gaps = std::any_of(info.variables.begin(), info.variables.end(),
                                        [](const auto& v) { return v.name == "competence_gap"; });
      if (!has_gaps) {
        std::cerr << "kfsim: " << file
                  << ": holds no labour-market measures (a run of the demography alone, "
                     "models = \"demography\"); the briefing needs them: run the scenario with "
                     "models = \"all\"\n";
        return kExitUsage;
      }
    } catch (const output::OutputError& problem) {
      std::cerr << "kfsim: " << problem.what() << "\n";
      return kExitUsage;
    }
  }
  std::vector<std::string> outputs = {html_file};
  if (!no_pdf) outputs.push_back(pdf_file);
  for (const auto& output : outputs) {
    std::error_code error;
    const fs::path parent = fs::absolute(output).parent_path();
    if (!fs::is_directory(parent, error)) {
      std::cerr << "kfsim: cannot write " << output << ": directory " << parent.string()
                << " does not exist\n";
      return kExitUsage;
    }
    if (const auto refusal =
            output_refusal(output, std::vector<fs::path>(files.begin(), files.end()), force)) {
      std::cerr << "kfsim: " << *refusal << "\n";
      return kExitUsage;
    }
  }

  const std::string python = environment_or("KFSIM_PYTHON", "/usr/bin/python3");
  const std::string script =
      environment_or("KFSIM_BRIEFING_SCRIPT",
                     (fs::path(KFSIM_SOURCE_DIR) / "notebooks" / "briefing" / "make_briefing.py"));
  if (!fs::is_regular_file(script)) {
    std::cerr << "kfsim: the briefing script " << script
              << " is missing (set KFSIM_BRIEFING_SCRIPT to notebooks/briefing/make_briefing.py)\n";
    return kExitFailure;
  }
  std::vector<std::string> command = {python, script};
  command.insert(command.end(), files.begin(), files.end());
  command.insert(command.end(), {"-o", html_file});
  if (no_pdf) {
    command.emplace_back("--no-pdf");
  } else {
    command.insert(command.end(), {"--pdf", pdf_file});
  }
  if (!years_text.empty()) command.insert(command.end(), {"--years", years_text});
  if (force) command.emplace_back("--force");
  if (values.count("quiet")) command.emplace_back("--quiet");
  std::cout.flush();
  return run_and_wait(command);
}

}  // namespace kfsim::app
