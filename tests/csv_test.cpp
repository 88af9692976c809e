#include "hpa/io/csv.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using hpa::io::csv_reader;

namespace {
std::vector<std::vector<std::string>> read_all(const std::string& text) {
  std::istringstream in(text);
  csv_reader r(in, "t.csv");
  std::vector<std::vector<std::string>> rows;
  while (r.next()) rows.emplace_back(r.fields().begin(), r.fields().end());
  return rows;
}
using rows = std::vector<std::vector<std::string>>;
}  // namespace

TEST_CASE("csv: plain, CRLF, BOM, blank lines, no final newline", "[csv]") {
  CHECK(read_all("a,b\n1,2\n") == rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("\xEF\xBB\xBF"
                 "a,b\r\n1,2\r\n") == rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,b\n\n1,2") == rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,,\n") == rows{{"a", "", ""}});
  CHECK(read_all("").empty());
}

TEST_CASE("csv: quoted fields hold commas, quotes and newlines", "[csv]") {
  CHECK(read_all("\"x, y\",\"say \"\"hi\"\"\"\n") == rows{{"x, y", "say \"hi\""}});
  CHECK(read_all("\"two\nlines\",2\nnext,3\n") == rows{{"two\nlines", "2"}, {"next", "3"}});
  CHECK(read_all("\"q\"\r\n") == rows{{"q"}});
}

TEST_CASE("csv: line numbers count physical lines", "[csv]") {
  std::istringstream in("h\n\"a\nb\"\nc\n");
  csv_reader r(in, "t.csv");
  REQUIRE(r.next());
  CHECK(r.line() == 1);
  REQUIRE(r.next());
  CHECK(r.line() == 2);
  REQUIRE(r.next());
  CHECK(r.line() == 4);
  CHECK_FALSE(r.unterminated());
}

TEST_CASE("csv: errors name the file and line", "[csv]") {
  std::istringstream a("h\n\"open,1\n");
  csv_reader ra(a, "t.csv");
  ra.next();
  CHECK_THROWS_WITH(ra.next(), "t.csv:2:1: unterminated quoted field");
  std::istringstream b("\"a\"b,1\n");
  csv_reader rb(b, "t.csv");
  CHECK_THROWS_WITH(rb.next(), "t.csv:1:1: unexpected text after a closing quote");
  std::istringstream c(std::string(csv_reader::max_record_bytes + 10, 'x') + "\n");
  csv_reader rc(c, "t.csv");
  CHECK_THROWS_WITH(rc.next(), "t.csv:1: line is longer than 1048576 bytes");
}

TEST_CASE("csv: records across buffer refills", "[csv]") {
  std::string text;
  for (int i = 0; i < 200000; ++i)
    text += "station" + std::to_string(i % 7) + ",2023-12-01T00:00," + std::to_string(i) + "\n";
  std::istringstream in(text);
  csv_reader r(in, "t.csv");
  int n = 0;
  while (r.next()) {
    REQUIRE(r.fields().size() == 3);
    REQUIRE(r.fields()[2] == std::to_string(n));
    ++n;
  }
  CHECK(n == 200000);
}

TEST_CASE("csv: a quoted last record with no newline ends the input cleanly", "[csv]") {
  // The reader moved its unread bytes to the front on the refill that found the end of the input,
  // then went on from the old position: the next call read past its buffer.
  for (const char* text : {"date,hour\nx,\"y\"", "\"a\"", "a,b\n\"c\nd\",\"e\""}) {
    INFO(text);
    std::istringstream in(text);
    csv_reader r(in, "t.csv");
    int records = 0;
    while (r.next()) ++records;
    CHECK(records >= 1);
    CHECK_FALSE(r.next());
  }
  std::istringstream in("date,hour\nx,\"y\"");
  csv_reader r(in, "t.csv");
  REQUIRE(r.next());
  REQUIRE(r.next());
  CHECK(std::vector<std::string>(r.fields().begin(), r.fields().end()) == std::vector<std::string>{"x", "y"});
  CHECK(r.unterminated());
  CHECK_FALSE(r.next());
}

TEST_CASE("csv: a byte-order mark at the start of a later record is removed, with a warning", "[csv]") {
  // two files joined with cat, each starting with a BOM
  const std::string text =
      "\xEF\xBB\xBF"
      "a,1\nb,2\n"
      "\xEF\xBB\xBF"
      "c,3\n";
  SECTION("with a warning") {
    std::istringstream in(text);
    std::vector<std::string> warnings;
    hpa::io::csv_reader csv(in, "joined.csv", [&](const std::string& w) { warnings.push_back(w); });
    std::vector<std::string> first;
    while (csv.next()) first.emplace_back(csv.fields()[0]);
    CHECK(first == std::vector<std::string>{"a", "b", "c"});  // never "\xEF\xBB\xBF" "c"
    CHECK(warnings == std::vector<std::string>{
                          "joined.csv:3: a byte-order mark inside the input (files joined with cat?), removed"});
    CHECK(csv.inner_byte_order_marks() == 1);
  }
  SECTION("without a listener it is removed all the same") {
    std::istringstream in(text +
                          "\xEF\xBB\xBF"
                          "\"d,e\",4\n");
    hpa::io::csv_reader csv(in, "joined.csv");
    std::vector<std::string> first;
    while (csv.next()) first.emplace_back(csv.fields()[0]);
    CHECK(first == std::vector<std::string>{"a", "b", "c", "d,e"});  // also before a quoted field
    CHECK(csv.inner_byte_order_marks() == 2);
  }
  SECTION("a lone 0xEF byte that starts no BOM stays") {
    std::istringstream in(
        "a,1\n\xEF"
        "x,2\n");
    hpa::io::csv_reader csv(in, "t.csv");
    REQUIRE(csv.next());
    REQUIRE(csv.next());
    CHECK(csv.fields()[0] ==
          "\xEF"
          "x");
    CHECK(csv.inner_byte_order_marks() == 0);
  }
}

TEST_CASE("csv: UTF-16 text is refused with the iconv command that converts it", "[csv]") {
  auto utf16 = [](const std::string& ascii, bool little, bool mark) {
    std::string s = mark ? (little ? std::string("\xFF\xFE") : std::string("\xFE\xFF")) : std::string();
    for (char c : ascii) s += little ? std::string{c, '\0'} : std::string{'\0', c};
    return s;
  };
  const std::string text = "station,time,aqi\nA,2023-12-01T00:00,1\n";
  CHECK_THROWS_WITH(
      read_all(utf16(text, true, true)),
      "t.csv:1: text is UTF-16, not UTF-8: convert the file first: iconv -f UTF-16 -t UTF-8 t.csv > t-utf8.csv");
  CHECK_THROWS_WITH(
      read_all(utf16(text, false, true)),
      "t.csv:1: text is UTF-16, not UTF-8: convert the file first: iconv -f UTF-16 -t UTF-8 t.csv > t-utf8.csv");
  CHECK_THROWS_WITH(
      read_all(utf16(text, true, false)),
      "t.csv:1: text is UTF-16LE, not UTF-8: convert the file first: iconv -f UTF-16LE -t UTF-8 t.csv > t-utf8.csv");
  CHECK_THROWS_WITH(
      read_all(utf16(text, false, false)),
      "t.csv:1: text is UTF-16BE, not UTF-8: convert the file first: iconv -f UTF-16BE -t UTF-8 t.csv > t-utf8.csv");
  std::istringstream in(utf16(text, true, true));
  csv_reader from_stdin(in, "stdin");
  CHECK_THROWS_WITH(from_stdin.next(),
                    "stdin:1: text is UTF-16, not UTF-8: convert the file first: iconv -f UTF-16 -t UTF-8 "
                    "FILE.csv > FILE-utf8.csv");
  // NULs scattered as in a gzip or a zip are not taken for UTF-16 (the header check names those)
  CHECK(read_all(std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03+.I,x\n", 15)).size() == 1);
  CHECK(read_all(std::string("a\0", 2)).size() == 1);  // too short to tell
}
