#include "hpa/io/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

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
  { std::ofstream(target) << "old\n"; }
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

TEST_CASE("output: a writer killed mid-way leaves the old file intact", "[output]") {
  const fs::path dir = fs::temp_directory_path() / "hpa_output_kill_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto target = dir / "state.json";
  { std::ofstream(target) << "{\"old\": true}\n"; }
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

namespace {
// A fresh, empty folder for one test.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Runs `body` in a child process that tells the parent when it is ready (a byte on a pipe) and
// then waits to be signalled; returns the child's pid once it is ready.
template <class F>
pid_t ready_child(F body) {
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(ready[0]);
    for (int sig : {SIGTERM, SIGHUP, SIGINT}) ::signal(sig, SIG_DFL);  // as a tool starts (not Catch's)
    try {
      body();
    } catch (...) {
      ::_exit(2);
    }
    const char c = 'r';
    if (::write(ready[1], &c, 1) != 1) ::_exit(3);
    for (;;) ::pause();
  }
  ::close(ready[1]);
  char c = 0;
  const bool ok = ::read(ready[0], &c, 1) == 1;
  ::close(ready[0]);
  REQUIRE(ok);
  return child;
}
}  // namespace

TEST_CASE("output: a symbolic link stays, the file it points to is replaced", "[output]") {
  const auto dir = fresh_dir("hpa_output_link_test");
  std::ofstream(dir / "real.csv") << "old\n";
  fs::create_symlink("real.csv", dir / "link.csv");
  {
    output o((dir / "link.csv").string());
    o << "new\n";
    o.commit();
  }
  CHECK(fs::is_symlink(dir / "link.csv"));
  CHECK(slurp(dir / "real.csv") == "new\n");
  CHECK(names_in(dir) == std::vector<std::string>{"link.csv", "real.csv"});
  SECTION("a dangling link makes the file it points to") {
    fs::create_directories(dir / "sub");
    fs::create_symlink("sub/made.csv", dir / "dangling.csv");
    output o((dir / "dangling.csv").string());
    o << "made\n";
    o.commit();
    CHECK(fs::is_symlink(dir / "dangling.csv"));
    CHECK(slurp(dir / "sub" / "made.csv") == "made\n");
  }
  SECTION("a loop of links is an error") {
    fs::create_symlink("loop_b", dir / "loop_a");
    fs::create_symlink("loop_a", dir / "loop_b");
    CHECK_THROWS_WITH(output((dir / "loop_a").string()), Catch::EndsWith("loop_a: too many levels of symbolic links"));
  }
  fs::remove_all(dir);
}

TEST_CASE("output: a FIFO is written through to its reader and stays a FIFO", "[output]") {
  const auto dir = fresh_dir("hpa_output_fifo_test");
  const auto fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // the reader end first (non-blocking, so no thread), then the writer finds its reader
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  {
    output o(fifo.string());
    o << "station,time\n";
    o.commit();  // closes the write end: the reader sees the end
  }
  char buf[64];
  const ssize_t n = ::read(reader, buf, sizeof buf);
  ::close(reader);
  CHECK(std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0) == "station,time\n");
  CHECK(fs::is_fifo(fifo));
  CHECK(names_in(dir) == std::vector<std::string>{"pipe"});
  fs::remove_all(dir);
}

TEST_CASE("output: a character device is written through and stays a device", "[output]") {
  // as root, a private null device, so that a fault here cannot replace the system's /dev/null
  const auto dir = fresh_dir("hpa_output_device_test");
  fs::path dev = dir / "null";
  if (::mknod(dev.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) != 0) dev = "/dev/null";
  {
    output o(dev.string());
    o << "text\n";
    o.commit();
  }
  CHECK(fs::is_character_file(dev));
  CHECK(fs::is_character_file("/dev/null"));
  CHECK(names_in(dir) == (dev == "/dev/null" ? std::vector<std::string>{} : std::vector<std::string>{"null"}));
  fs::remove_all(dir);
}

TEST_CASE("output: a directory is an error that says so", "[output]") {
  const auto dir = fresh_dir("hpa_output_dir_test");
  CHECK_THROWS_WITH(output(dir.string()), dir.string() + ": is a directory");
  fs::remove_all(dir);
}

TEST_CASE("output: an existing file keeps its mode and owner", "[output]") {
  const auto dir = fresh_dir("hpa_output_mode_test");
  const auto target = dir / "out.csv";
  std::ofstream(target) << "old\n";
  REQUIRE(::chmod(target.c_str(), 0640) == 0);
  const bool root = ::geteuid() == 0;
  if (root) REQUIRE(::chown(target.c_str(), 65534, 65534) == 0);  // nobody, nogroup
  {
    output o(target.string());
    o << "new\n";
    o.commit();
  }
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  if (root) {
    CHECK(st.st_uid == 65534);
    CHECK(st.st_gid == 65534);
  }
  CHECK(slurp(target) == "new\n");
  SECTION("a new file gets the mode the umask allows") {
    const mode_t mask = ::umask(022);
    {
      output o((dir / "new.csv").string());
      o.commit();
    }
    ::umask(mask);
    REQUIRE(::stat((dir / "new.csv").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0644);
  }
  fs::remove_all(dir);
}

TEST_CASE("output: TERM, HUP and INT remove the temporary file", "[output]") {
  for (const int sig : {SIGTERM, SIGHUP, SIGINT}) {
    INFO("signal " << sig);
    const auto dir = fresh_dir("hpa_output_signal_test");
    const auto target = dir / "out.csv";
    std::ofstream(target) << "old\n";
    const pid_t child = ready_child([&] {
      static output o(target.string());  // static: never destroyed, only the signal cleans up
      o << std::string(1 << 17, 'x');    // past the buffer: bytes in the temporary file
    });
    CHECK(names_in(dir).size() == 2);  // the target and the temporary file
    ::kill(child, sig);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    CHECK(names_in(dir) == std::vector<std::string>{"out.csv"});
    CHECK(slurp(target) == "old\n");
    fs::remove_all(dir);
  }
}

TEST_CASE("output: a temporary file left by SIGKILL is removed by the next writer, nothing else", "[output]") {
  const auto dir = fresh_dir("hpa_output_stale_test");
  const auto target = dir / "out.csv";
  const pid_t child = ready_child([&] {
    static output o(target.string());
    o << "half";
  });
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  const auto left = names_in(dir);
  REQUIRE(left.size() == 1);  // KILL cannot be caught: the file stays, by a name hpa owns
  CHECK(left[0].rfind(".out.csv.hpa-tmp." + std::to_string(child) + ".", 0) == 0);
  // not removed: a live writer's (this process), another target's, a user's look-alikes
  const std::vector<std::string> kept = {".out.csv.hpa-tmp." + std::to_string(::getpid()) + ".abcdef",
                                         ".other.csv.hpa-tmp." + std::to_string(child) + ".abcdef",
                                         ".out.csv.hpa-tmp.notapid.abcdef", "out.csv.tmp.abcdef"};
  for (const auto& k : kept) std::ofstream(dir / k) << "keep\n";
  {
    output o(target.string());
    o << "whole\n";
    o.commit();
  }
  auto want = kept;
  want.push_back("out.csv");
  std::sort(want.begin(), want.end());
  CHECK(names_in(dir) == want);
  CHECK(slurp(target) == "whole\n");
  fs::remove_all(dir);
}

TEST_CASE("output: with stderr closed, the output file does not become fd 2", "[output]") {
  const auto dir = fresh_dir("hpa_output_fd2_test");
  const auto target = dir / "out.csv";
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(2);  // as `2>&-` starts a tool
    ensure_standard_fds();
    try {
      output o(target.string());
      o << "data\n";
      const char warning[] = "warning\n";
      if (::write(2, warning, sizeof warning - 1) < 0) ::_exit(3);
      o.commit();
    } catch (...) {
      ::_exit(2);
    }
    ::_exit(::fcntl(2, F_GETFD) >= 0 ? 0 : 4);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(slurp(target) == "data\n");
  fs::remove_all(dir);
}
