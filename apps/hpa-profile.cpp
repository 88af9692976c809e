// hpa-profile: the policy profiles, built in or in a file.
#include <fmt/format.h>

#include "hpa/io/output.hpp"
#include "hpa/io/profile_json.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {"hpa-profile",
                         "List, show and check the policy profiles.",
                         "A profile holds every threshold, duration and reading choice of a plan: the levels and\n"
                         "their conditions, how durations count, the 36 h confirmation, the 48 h lead. Built-ins\n"
                         "cover the gradings in force over the years (pingdingshan-2023 is the default).\n"
                         "  list         one line per built-in: name, lineage, in force from, levels, source\n"
                         "  show NAME    a built-in (or a file) as JSON: a starting point for your own\n"
                         "  check FILE   validate a profile file; errors name the JSON path",
                         tool::takes::output | tool::takes::quiet | tool::takes::format,
                         {io::format::text, io::format::csv, io::format::json, io::format::jsonl}};

struct args {
  tool::common common;
  CLI::App* list = nullptr;
  CLI::App* show = nullptr;
  std::string name, file;
};

void options(CLI::App& app, args& a) {
  app.require_subcommand(1);
  a.list = app.add_subcommand("list", "List the built-in profiles (-f text, csv, json or jsonl)");
  a.list->fallthrough();  // `hpa-profile list -f csv`: the common options may follow
  a.show = app.add_subcommand("show", "Print a profile as JSON");
  a.show->fallthrough();
  a.show->add_option("name", a.name, "Built-in name or JSON file")->required();
  auto* check = app.add_subcommand("check", "Validate a profile file");
  check->add_option("file", a.file, "JSON file")->required();
  check->fallthrough();
}

std::string levels_of(const profile& p) {
  std::string levels;
  for (const auto& l : p.levels) levels += (levels.empty() ? "" : "/") + l.name;
  return levels;
}

void list(const tool::common& o, io::output& out) {
  if (o.format == io::format::text) {
    for (const auto& p : builtin_profiles())
      out << fmt::format("{:<18} {:<9} {:<11} {:<30} {}\n", p.name, p.lineage, p.in_force_from, levels_of(p), p.source);
    return;
  }
  io::record_writer rows(out, o.format, {"name", "lineage", "in_force_from", "levels", "source"});
  for (const auto& p : builtin_profiles())
    rows.write({io::field::string(p.name), io::field::string(p.lineage), io::field::string(p.in_force_from),
                io::field::string(levels_of(p)), io::field::string(p.source)});
  rows.finish();
}

int run(const args& a, tool::context& cx) {
  io::output out(cx.options().output);
  if (*a.list) {
    list(cx.options(), out);
  } else if (*a.show) {
    out << io::to_json(tool::profile_option(a.name, "name")).dump(2) << "\n";
  } else {
    const auto p = io::load_profile(a.file);
    out << fmt::format("{}: ok: profile '{}', {} levels, {} mode\n", a.file, p.name, p.levels.size(),
                       io::to_json(p)["duration_mode"].get<std::string>());
  }
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
