// The tools' shared shape (apps/tool.hpp): the rule of the progress line.
#include "tool.hpp"

#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>
#include <string>

using hpa::tool::progress_wanted;

TEST_CASE("tool: progress shows on a terminal only, never with -q or TERM=dumb", "[tool]") {
  CHECK(progress_wanted(false, true, false, "xterm-256color"));
  CHECK(progress_wanted(false, true, false, nullptr));         // no TERM at all: still a terminal
  CHECK_FALSE(progress_wanted(true, true, false, "xterm"));    // -q
  CHECK_FALSE(progress_wanted(false, false, false, "xterm"));  // stderr to a file or a pipe
  CHECK_FALSE(progress_wanted(false, true, false, "dumb"));    // a terminal that cannot redraw a line
  CHECK_FALSE(progress_wanted(false, true, true, "xterm"));    // the output itself on the terminal
}

TEST_CASE("tool: a progress line draws over itself and clears, off, it writes nothing", "[tool]") {
  std::ostringstream err;
  auto* old = std::cerr.rdbuf(err.rdbuf());
  {
    hpa::tool::progress_line off("hpa-x", false);
    off.step("sorting");
    off.show([] { return std::string("half"); });
  }
  {
    hpa::tool::progress_line on("hpa-x", true);
    on.step("sorting 10 rows");
    on.show([] { return std::string("not yet: a quarter of a second has not passed"); });
  }
  std::cerr.rdbuf(old);
  CHECK(err.str() == "\r\033[Khpa-x: sorting 10 rows\r\033[K");
}
