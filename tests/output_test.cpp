#include "hpa/io/output.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace hpa::io;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("output: numbers lose trailing zeros", "[output]") {
  CHECK(format_number(287.5) == "287.5");
  CHECK(format_number(150) == "150");
  CHECK(format_number(153.3333) == "153.33");
  CHECK(format_number(std::nan("")) == "");
  CHECK(format_number(-0.001) == "0");
}

TEST_CASE("output: a file is written whole on commit, or not at all", "[output]") {
  const fs::path dir = fs::temp_directory_path() / "hpa_output_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto target = dir / "out.csv";
  {
    std::ofstream(target) << "old\n";
  }
  {
    output o(target.string());
    o << "new\n";
  }  // no commit: as if the tool failed half-way
  CHECK(slurp(target) == "old\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);
  {
    output o(target.string());
    for (int i = 0; i < 100000; ++i) o << "row\n";
    CHECK(slurp(target) == "old\n");  // big writes go to the temporary file
    o.commit();
  }
  CHECK(fs::file_size(target) == 400000);
  CHECK_THROWS_AS(output((dir / "no" / "such" / "dir.csv").string()), hpa::error);
  fs::remove_all(dir);
}

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

TEST_CASE("output: a writer killed mid-way leaves the old file intact", "[output]") {
  const fs::path dir = fs::temp_directory_path() / "hpa_output_kill_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto target = dir / "state.json";
  {
    std::ofstream(target) << "{\"old\": true}\n";
  }
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {  // the writer: slow, so it is killed half-way
    output o(target.string());
    for (;;) {
      o << std::string(1 << 16, 'x');
      ::usleep(1000);
    }
  }
  // wait until the temporary file has bytes in it, then kill the writer
  bool writing = false;
  for (int i = 0; i < 5000 && !writing; ++i) {
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path() != target && fs::file_size(e.path()) > 0) writing = true;
    if (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(writing);
  CHECK(WIFSIGNALED(status));
  CHECK(slurp(target) == "{\"old\": true}\n");
  fs::remove_all(dir);
}
