// hpa-profile: the policy profiles, built in or in a file.
#include <fmt/format.h>

#include "hpa/io/output.hpp"
#include "hpa/io/profile_json.hpp"
#include "tool.hpp"

using namespace hpa;

int main(int argc, char** argv) {
  CLI::App app;
  tool::describe(
      app, "hpa-profile", "List, show and check the policy profiles.",
      "A profile holds every threshold, duration and reading choice of a plan: the levels and\n"
      "their conditions, how durations count, the 36 h confirmation, the 48 h lead. Built-ins\n"
      "cover the gradings in force over the years (pingdingshan-2023 is the default).\n"
      "  list         one line per built-in: name, lineage, in force from, levels, source\n"
      "  show NAME    a built-in (or a file) as JSON: a starting point for your own\n"
      "  check FILE   validate a profile file; errors name the JSON path");
  app.require_subcommand(1);
  std::string output, name, file;
  app.add_option("-o,--output", output, "Write to FILE (whole or not at all)");
  auto* list = app.add_subcommand("list", "List the built-in profiles");
  auto* show = app.add_subcommand("show", "Print a profile as JSON");
  show->add_option("name", name, "Built-in name or JSON file")->required();
  auto* check = app.add_subcommand("check", "Validate a profile file");
  check->add_option("file", file, "JSON file")->required();
  return tool::run(app, argc, argv, [&] {
    io::output out(output);
    if (*list) {
      for (const auto& p : builtin_profiles()) {
        std::string levels;
        for (const auto& l : p.levels) levels += (levels.empty() ? "" : "/") + l.name;
        out << fmt::format("{:<18} {:<9} {:<11} {:<30} {}\n", p.name, p.lineage, p.in_force_from, levels, p.source);
      }
    } else if (*show) {
      out << io::to_json(io::load_profile(name)).dump(2) << "\n";
    } else {
      const auto p = io::load_profile(file);
      out << fmt::format("{}: ok: profile '{}', {} levels, {} mode\n", file, p.name, p.levels.size(),
                         io::to_json(p)["duration_mode"].get<std::string>());
    }
    out.commit();
  });
}
