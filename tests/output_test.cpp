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
