// hpa-docgen: the man page and the bash, zsh and fish completions of one hpa-* tool, made at build
// time from what the tool says of itself (--help, --version, and --help of each subcommand), so
// they never drift from the options the tool really takes. Also writes each built-in profile as
// JSON (hpa-profile show NAME) for the documentation.
//
//   hpa-docgen tool PATH --out DIR [--profile-tool PATH] [--see-also NAME,NAME…]
//       DIR/man1/NAME.1, DIR/bash/NAME, DIR/zsh/_NAME, DIR/fish/NAME.fish
//   hpa-docgen profiles PATH_OF_HPA_PROFILE --out DIR
//       DIR/NAME.json for each built-in
//
// The help is CLI11's layout as apps/tool.cpp sets it: summary, details, "Usage: …", sections
// ("Options:", "Common options:", "Subcommands:"…) of entries whose description starts at column
// 30 (or on the next line, indented 30, when the option's spec is too wide), then the exit codes.
// Only the standard library and POSIX popen: it must build wherever the tools build.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr std::size_t description_column = 30;  // CLI11's column_width, set in apps/tool.cpp

// ---------------------------------------------------------------------------------------------
// Running the tool

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

/// What `command` prints on stdout; an error when it fails, so a broken tool breaks the build.
std::string capture(const std::string& command) {
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run: " + command);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int status = ::pclose(p);
  if (status != 0) throw std::runtime_error("failed (" + std::to_string(status) + "): " + command);
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep))
    if (!part.empty()) parts.push_back(part);
  return parts;
}

std::string trim(const std::string& s) {
  constexpr const char* space = " \t\r\n";
  const auto b = s.find_first_not_of(space);
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(space) - b + 1);
}

std::size_t indent_of(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  return b == std::string::npos ? s.size() : b;
}

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool ends_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// ---------------------------------------------------------------------------------------------
// The help, parsed

/// One line of an options section: an option, a positional or a subcommand.
struct entry {
  std::vector<std::string> names;  // "-f", "--format"; or "input"; or "show"
  std::string type;                // TEXT, UINT, FLOAT…; empty for a flag
  std::string validator;           // what CLI11 prints after "TYPE:" when it is not a choice
  std::vector<std::string> choices;
  std::string default_value;
  bool required = false;
  bool repeatable = false;  // "..."
  std::string description;

  bool flag() const { return type.empty(); }
  bool positional() const { return !names.empty() && names.front()[0] != '-'; }
};

struct section {
  std::string title;  // "Options", "Common options", "Positionals", "Subcommands"
  std::vector<entry> entries;
};

struct help {
  std::string summary;
  std::vector<std::string> details;  // as printed, line by line
  std::string usage;                 // without "Usage: "
  std::vector<section> sections;
  std::string footer;  // "Exit codes: …"

  const section* find(const std::string& title) const {
    for (const auto& s : sections)
      if (s.title == title) return &s;
    return nullptr;
  }
  std::vector<const entry*> options() const {  // every option, positionals and subcommands aside
    std::vector<const entry*> all;
    for (const auto& s : sections)
      if (s.title != "Positionals" && s.title != "Subcommands")
        for (const auto& e : s.entries) all.push_back(&e);
    return all;
  }
  std::vector<const entry*> positionals() const {
    std::vector<const entry*> all;
    if (const auto* s = find("Positionals"))
      for (const auto& e : s->entries) all.push_back(&e);
    return all;
  }
};

/// "-f,--format TEXT:{csv,json}=csv REQUIRED ..." into names, type, choices, default, flags.
void parse_spec(const std::string& spec, entry& e) {
  const auto space = spec.find(' ');
  e.names = split(spec.substr(0, space), ',');
  if (space == std::string::npos) return;
  std::string rest = spec.substr(space + 1);
  for (const char* cut : {" Needs:", " Excludes:", " (Env:"})
    if (const auto p = rest.find(cut); p != std::string::npos) rest.erase(p);
  if (starts_with(rest, "Needs:") || starts_with(rest, "Excludes:")) return;  // a flag that needs others
  if (ends_with(rest, " REQUIRED")) {
    e.required = true;
    rest.erase(rest.size() - 9);
  }
  if (ends_with(rest, " ...")) {
    e.repeatable = true;
    rest.erase(rest.size() - 4);
  }
  if (const auto x = rest.find(" x "); x != std::string::npos) rest.erase(x);  // "TEXT x 2"
  const auto type_end = rest.find_first_of(":=");
  e.type = rest.substr(0, type_end);
  if (type_end == std::string::npos) return;
  std::size_t at = type_end;
  if (rest[at] == ':') {
    if (rest.compare(at, 2, ":{") == 0) {
      const auto close = rest.find('}', at);
      e.choices = split(rest.substr(at + 2, close - at - 2), ',');
      at = close == std::string::npos ? rest.size() : close + 1;
    } else {
      const auto eq = rest.find('=', at);
      e.validator = rest.substr(at + 1, eq == std::string::npos ? std::string::npos : eq - at - 1);
      at = eq == std::string::npos ? rest.size() : eq;
    }
  }
  if (at < rest.size() && rest[at] == '=') e.default_value = rest.substr(at + 1);
}

/// Adds the entry that begins on lines[i]; returns the index of the next line to read.
std::size_t parse_entry(const std::vector<std::string>& lines, std::size_t i, section& s) {
  const std::string& line = lines[i];
  const std::string body = line.substr(2);
  const bool continued =
      i + 1 < lines.size() && indent_of(lines[i + 1]) >= description_column && !trim(lines[i + 1]).empty();
  std::string spec, description;
  if (const auto gap = body.find("  "); gap != std::string::npos) {  // spec, padding, description
    spec = body.substr(0, gap);
    description = trim(body.substr(gap));
  } else if (continued || line.size() <= description_column) {  // a wide spec alone on its line
    spec = trim(body);
  } else {  // a spec that leaves one space of padding
    spec = trim(line.substr(2, description_column - 2));
    description = trim(line.substr(description_column));
  }
  entry e;
  if (s.title == "Subcommands")
    e.names = {spec};
  else
    parse_spec(spec, e);
  for (++i; i < lines.size() && indent_of(lines[i]) >= description_column && !trim(lines[i]).empty(); ++i)
    description += (description.empty() ? "" : "\n") + trim(lines[i]);
  e.description = description;
  s.entries.push_back(std::move(e));
  return i;
}

help parse_help(const std::string& text) {
  const auto lines = split_lines(text);
  help h;
  std::size_t u = 0;
  while (u < lines.size() && !starts_with(lines[u], "Usage: ")) ++u;
  if (u == lines.size()) throw std::runtime_error("no 'Usage:' line in the help");
  if (u > 0) h.summary = lines[0];
  for (std::size_t i = 1; i < u; ++i)
    if (!(i == 1 && lines[i].empty())) h.details.push_back(lines[i]);
  h.usage = lines[u].substr(7);
  for (std::size_t i = u + 1; i < lines.size();) {
    const std::string& l = lines[i];
    if (trim(l).empty()) {
      ++i;
    } else if (l[0] != ' ' && ends_with(l, ":")) {
      h.sections.push_back({l.substr(0, l.size() - 1), {}});
      ++i;
    } else if (l[0] != ' ') {
      h.footer += (h.footer.empty() ? "" : " ") + l;
      ++i;
    } else if (!h.sections.empty() && starts_with(l, "  ") && l[2] != ' ') {
      i = parse_entry(lines, i, h.sections.back());
    } else {
      throw std::runtime_error("cannot read this help line: " + l);
    }
  }
  return h;
}

/// A tool, with the help of each of its subcommands.
struct tool {
  std::string name;
  std::string version;  // "0.1.0"
  help main;
  std::vector<std::pair<entry, help>> subcommands;
  std::vector<std::string> profiles;  // built-in names, for --profile

  bool takes_files() const { return !main.positionals().empty(); }
};

tool read_tool(const std::string& path, const std::string& profile_tool) {
  tool t;
  t.main = parse_help(capture(shell_quote(path) + " --help"));
  const auto usage_words = split(t.main.usage, ' ');
  t.name = usage_words.empty() ? fs::path(path).filename().string() : usage_words.front();
  const auto version = split(trim(capture(shell_quote(path) + " --version")), ' ');
  if (version.size() != 2 || version[0] != t.name)
    throw std::runtime_error(path + " --version: expected '" + t.name + " VERSION'");
  t.version = version[1];
  if (const auto* subs = t.main.find("Subcommands"))
    for (const auto& e : subs->entries)
      t.subcommands.emplace_back(e, parse_help(capture(shell_quote(path) + " " + e.names.front() + " --help")));
  if (!profile_tool.empty())
    for (const auto& line : split_lines(capture(shell_quote(profile_tool) + " -f csv list")))
      if (const auto name = line.substr(0, line.find(',')); !name.empty() && name != "name") t.profiles.push_back(name);
  return t;
}

// ---------------------------------------------------------------------------------------------
// What a value of an option is, for the completions

enum class value_kind { none, choice, profile, file, other };

/// Files where the option says so (a FILE or PATH type, CLI11's file validators) or its description
/// does (FILE, CSV, JSON, a log, a list of CSV columns); nothing for numbers, hours and names,
/// where a list of files would only mislead.
value_kind kind_of(const entry& e) {
  if (e.flag()) return value_kind::none;
  if (!e.choices.empty()) return value_kind::choice;
  if (std::find(e.names.begin(), e.names.end(), "--profile") != e.names.end()) return value_kind::profile;
  if (e.positional() && e.description.find("Built-in name") != std::string::npos) return value_kind::profile;
  static const std::regex file_words(R"((^|[^A-Za-z])(file|FILE|CSV|JSON|log)([^A-Za-z]|$)|\([a-z0-9_]+,[a-z0-9_]+,)");
  if (e.positional() || e.type == "FILE" || e.type == "PATH" || e.validator.find("FILE") != std::string::npos ||
      e.validator.find("PATH") != std::string::npos || e.validator.find("DIR") != std::string::npos ||
      (e.type == "TEXT" && std::regex_search(e.description, file_words)))
    return value_kind::file;
  return value_kind::other;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

// ---------------------------------------------------------------------------------------------
// The man page

std::string roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  return out;
}

/// One line of running text; a leading dot or quote would be read as a request.
std::string roff_line(const std::string& text) {
  std::string r = roff(trim(text));
  if (!r.empty() && (r[0] == '.' || r[0] == '\'')) r = "\\&" + r;
  return r;
}

std::string bold(const std::string& s) { return "\\fB" + roff(s) + "\\fR"; }
std::string italic(const std::string& s) { return "\\fI" + roff(s) + "\\fR"; }

/// "hpa-plot [OPTIONS] [input] timeline [OPTIONS]": the command words bold, the placeholders italic.
std::string synopsis(const std::vector<std::string>& words, const std::vector<std::string>& commands) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    if (std::find(commands.begin(), commands.end(), words[i]) != commands.end()) {
      out += bold(words[i]);
      continue;
    }
    static const std::regex name("[A-Za-z][A-Za-z0-9_-]*");
    std::string w = words[i], done;
    std::smatch m;
    while (std::regex_search(w, m, name)) {
      done += roff(m.prefix().str()) + italic(m.str());
      w = m.suffix().str();
    }
    out += done + roff(w);
  }
  return out;
}

// The details as paragraphs and tagged items: a line "term  text" (a word, or a word and a
// capitalised argument, then two spaces) starts an item; lines indented further continue it.
void write_details(std::ostream& out, const std::vector<std::string>& details) {
  static const std::regex item(R"(^( *)([^ ]+(?: [A-Z]+)?)  +([^ ].*)$)");
  bool in_item = false;
  std::size_t item_indent = 0;
  bool paragraph_open = false;
  for (std::size_t i = 0; i < details.size(); ++i) {
    const std::string& l = details[i];
    std::smatch m;
    if (trim(l).empty()) {
      in_item = false;
      paragraph_open = false;
      continue;
    }
    if (in_item && indent_of(l) > item_indent) {
      out << roff_line(l) << '\n';
      continue;
    }
    const bool next_indented =
        i + 1 < details.size() && indent_of(details[i + 1]) > indent_of(l) && !trim(details[i + 1]).empty();
    if (std::regex_match(l, m, item) && m[2].length() <= 16 && (m[1].length() > 0 || next_indented || in_item)) {
      out << ".TP\n" << bold(m[2].str()) << '\n' << roff_line(m[3].str()) << '\n';
      in_item = true;
      item_indent = m[1].length();
      paragraph_open = false;
      continue;
    }
    if (!paragraph_open) out << ".PP\n";
    in_item = false;
    paragraph_open = true;
    out << roff_line(l) << '\n';
  }
}

/// The tool's usage, "SUBCOMMAND" replaced by the subcommand's usage ("hpa-plot timeline
/// [OPTIONS]" without the tool's name): the options of the tool come before the subcommand's.
std::string synopsis(const tool& t, std::size_t sub) {
  std::vector<std::string> words;
  for (const auto& w : split(t.main.usage, ' ')) {
    if (w != "SUBCOMMAND") {
      words.push_back(w);
      continue;
    }
    const auto sub_words = split(t.subcommands[sub].second.usage, ' ');
    words.insert(words.end(), sub_words.begin() + 1, sub_words.end());
  }
  return synopsis(words, {t.name, t.subcommands[sub].first.names.front()});
}

std::string option_term(const entry& e) {
  std::string term;
  for (std::size_t i = 0; i < e.names.size(); ++i) term += (i ? ", " : "") + bold(e.names[i]);
  if (e.positional()) return term + (e.repeatable ? " ..." : "");
  if (!e.choices.empty())
    term += " " + italic(joined(e.choices, "|"));
  else if (kind_of(e) == value_kind::file)
    term += " " + italic("FILE");
  else if (kind_of(e) == value_kind::profile)
    term += " " + italic("NAME") + "|" + italic("FILE");
  else if (!e.flag())
    term += " " + italic(e.type);
  return term;
}

/// The help's descriptions are phrases; in the page, notes follow them.
std::string sentence(std::string s) {
  if (!s.empty() && std::string(".!?").find(s.back()) == std::string::npos) s += '.';
  return s;
}

void write_entries(std::ostream& out, const std::vector<entry>& entries) {
  for (const auto& e : entries) {
    out << ".TP\n" << option_term(e) << '\n';
    for (const auto& l : split_lines(sentence(e.description))) out << roff_line(l) << '\n';
    std::vector<std::string> notes;
    if (!e.validator.empty()) notes.push_back(e.validator + ".");
    if (!e.default_value.empty()) notes.push_back("Default: " + e.default_value + ".");
    if (e.required) notes.push_back("Required.");
    if (e.repeatable && !e.positional()) notes.push_back("May be repeated.");
    if (!notes.empty()) out << roff_line(joined(notes, " ")) << '\n';
  }
}

// "Exit codes: 0 success, 1 data or I/O error, 2 usage error, 3 an action is due."
void write_exit_status(std::ostream& out, const std::string& footer) {
  std::string codes = footer;
  if (starts_with(codes, "Exit codes: ")) codes = codes.substr(12);
  if (ends_with(codes, ".")) codes.pop_back();
  static const std::regex code(R"((\d+) ((?:(?!, \d+ ).)*))");
  bool any = false;
  for (std::sregex_iterator it(codes.begin(), codes.end(), code), end; it != end; ++it) {
    out << ".TP\n" << bold((*it)[1].str()) << '\n' << roff_line((*it)[2].str()) << '\n';
    any = true;
  }
  if (!any) out << roff_line(footer) << '\n';
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

void write_man(std::ostream& out, const tool& t, const std::vector<std::string>& see_also) {
  std::string summary = t.main.summary;
  if (ends_with(summary, ".")) summary.pop_back();
  if (!summary.empty()) summary[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(summary[0])));
  out << ".\\\" Made from '" << t.name << " --help' when hpa was built: edit the help, not this page.\n"
      << ".TH " << roff(upper(t.name)) << " 1 \"\" \"hpa " << t.version << "\" \"hpa manual\"\n"
      << ".SH NAME\n"
      << roff(t.name) << " \\- " << roff(summary) << '\n'
      << ".SH SYNOPSIS\n";
  if (t.subcommands.empty()) {
    out << synopsis(split(t.main.usage, ' '), {t.name}) << '\n';
  } else {
    for (std::size_t i = 0; i < t.subcommands.size(); ++i) out << (i ? ".br\n" : "") << synopsis(t, i) << '\n';
  }
  out << ".SH DESCRIPTION\n";
  out << ".PP\n" << roff_line(t.main.summary) << '\n';
  write_details(out, t.main.details);
  out << ".SH OPTIONS\n";
  for (const auto& s : t.main.sections) {
    if (s.title == "Subcommands") continue;
    out << ".SS " << roff(s.title == "Positionals" ? "Arguments" : s.title) << '\n';
    write_entries(out, s.entries);
  }
  if (!t.subcommands.empty()) {
    out << ".SH COMMANDS\n";
    for (const auto& [e, h] : t.subcommands) {
      out << ".TP\n"
          << synopsis(split(h.usage, ' '), {t.name, e.names.front()}) << '\n'
          << roff_line(sentence(e.description)) << '\n';
      std::vector<entry> own;
      for (const auto& s : h.sections)
        for (const auto& o : s.entries)
          if (o.names != std::vector<std::string>{"-h", "--help"}) own.push_back(o);
      if (own.empty()) continue;
      out << ".RS\n";
      write_entries(out, own);
      out << ".RE\n";
    }
  }
  out << ".SH EXIT STATUS\n";
  write_exit_status(out, t.main.footer);
  out << ".SH SEE ALSO\n"
      << ".nh\n";  // a command name is not hyphenated
  std::vector<std::string> others;
  for (const auto& n : see_also)
    if (n != t.name) others.push_back(bold(n) + "(1)");
  if (!others.empty()) out << joined(others, ",\n") << '\n';
  out << ".PP\n"
      << roff_line(
             "The README, the examples and the built-in profiles as JSON are in share/doc/hpa under "
             "the installation prefix (/usr/share/doc/hpa from the Debian package).")
      << '\n';
}

// ---------------------------------------------------------------------------------------------
// bash

std::string bash_word_list(const std::vector<std::string>& words) { return shell_quote(joined(words, " ")); }

std::string bash_function(const std::string& name) {
  std::string f = "_";
  for (char c : name) f += (c == '-' ? '_' : c);
  return f;
}

/// The option names of a help, "-h --help …".
std::vector<std::string> option_names(const help& h) {
  std::vector<std::string> names;
  for (const auto* e : h.options())
    for (const auto& n : e->names) names.push_back(n);
  return names;
}

// The helpers a completion calls: file names, and the built-in profiles with files.
void write_bash_helpers(std::ostream& out, const tool& t, const std::string& files, const std::string& profiles) {
  out << "# bash completion for " << t.name << ", made from its --help when hpa was built.\n"
      << files << "() {  # file names, spaces and all\n"
      << "  local IFS=$'\\n'\n"
      << "  compopt -o filenames 2>/dev/null\n"
      << "  COMPREPLY+=($(compgen -f -- \"$cur\"))\n"
      << "}\n"
      << profiles << "() {  # the built-in profiles, and files\n"
      << "  COMPREPLY+=($(compgen -W " << bash_word_list(t.profiles) << " -- \"$cur\"))\n"
      << "  " << files << "\n"
      << "}\n";
}

// The value of the option before the cursor: a choice, a profile, a file, or nothing to offer.
void write_bash_values(std::ostream& out, const tool& t, const std::string& files, const std::string& profiles) {
  std::vector<const entry*> all = t.main.options();  // every option of the tool and its subcommands
  for (const auto& [sub, h] : t.subcommands)
    for (const auto* e : h.options()) all.push_back(e);
  std::vector<std::string> seen, file_options, other_options;
  out << "  case $prev in\n";
  for (const auto* e : all) {
    const auto names = joined(e->names, "|");
    if (std::find(seen.begin(), seen.end(), names) != seen.end()) continue;
    seen.push_back(names);
    switch (kind_of(*e)) {
      case value_kind::choice:
        out << "    " << names << ") COMPREPLY=($(compgen -W " << bash_word_list(e->choices)
            << " -- \"$cur\")); return ;;\n";
        break;
      case value_kind::profile:
        out << "    " << names << ") " << profiles << "; return ;;\n";
        break;
      case value_kind::file:
        file_options.push_back(names);
        break;
      case value_kind::other:
        other_options.push_back(names);
        break;
      case value_kind::none:
        break;
    }
  }
  if (!file_options.empty()) out << "    " << joined(file_options, "|") << ") " << files << "; return ;;\n";
  if (!other_options.empty()) out << "    " << joined(other_options, "|") << ") return ;;\n";
  out << "  esac\n";
}

// An option name: the tool's, and its subcommand's.
void write_bash_options(std::ostream& out, const tool& t) {
  out << "  local opts=" << bash_word_list(option_names(t.main)) << '\n';
  if (!t.subcommands.empty()) {
    out << "  case $sub in\n";
    for (const auto& [sub, h] : t.subcommands)
      out << "    " << sub.names.front() << ") opts+=" << shell_quote(" " + joined(option_names(h), " ")) << " ;;\n";
    out << "  esac\n";
  }
  out << "  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); return; fi\n";
}

// A word: a subcommand, or what the tool (or the subcommand) reads.
void write_bash_words(std::ostream& out, const tool& t, const std::string& files, const std::string& profiles) {
  if (!t.subcommands.empty()) {
    std::vector<std::string> names;
    out << "  case $sub in\n";
    for (const auto& [sub, h] : t.subcommands) {
      names.push_back(sub.names.front());
      const auto positionals = h.positionals();
      if (!positionals.empty())
        out << "    " << sub.names.front() << ") "
            << (kind_of(*positionals.front()) == value_kind::profile ? profiles : files) << " ;;\n";
    }
    out << "    '') COMPREPLY=($(compgen -W " << bash_word_list(names) << " -- \"$cur\")) ;;\n"
        << "  esac\n";
  }
  if (t.takes_files()) out << "  " << files << '\n';
}

void write_bash(std::ostream& out, const tool& t) {
  const auto fn = bash_function(t.name);
  const std::string files = fn + "_files", profiles = fn + "_profiles";
  write_bash_helpers(out, t, files, profiles);
  out << fn << "() {\n"
      << "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} sub= i\n"
      << "  COMPREPLY=()\n"
      << "  # --option=value: bash splits the word at '='\n"
      << "  if [[ $cur == = ]]; then cur=; elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then "
         "prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n";
  if (!t.subcommands.empty()) {
    std::vector<std::string> names;
    for (const auto& s : t.subcommands) names.push_back(s.first.names.front());
    out << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
        << "    case ${COMP_WORDS[i]} in " << joined(names, "|") << ") sub=${COMP_WORDS[i]} ;; esac\n"
        << "  done\n";
  }
  write_bash_values(out, t, files, profiles);
  write_bash_options(out, t);
  write_bash_words(out, t, files, profiles);
  out << "}\n"
      << "complete -F " << fn << ' ' << t.name << '\n';
}

// ---------------------------------------------------------------------------------------------
// zsh

/// Text inside a single-quoted zsh word, in an _arguments explanation ([…]).
std::string zsh_explanation(const std::string& s) {
  std::string out;
  for (char c : first_line(s)) {
    if (c == '\'')
      out += "'\\''";
    else if (c == '[' || c == ']' || c == ':' || c == '\\')
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out;
}

std::string zsh_spec(const entry& e, const std::string& profiles_fn) {
  std::string action;
  switch (kind_of(e)) {
    case value_kind::choice:
      action = ":value:(" + joined(e.choices, " ") + ")";
      break;
    case value_kind::profile:
      action = ":profile:" + profiles_fn;
      break;
    case value_kind::file:
      action = ":file:_files";
      break;
    case value_kind::other:
      action = e.type == "TEXT" ? ":value: " : ":number: ";
      break;
    case value_kind::none:
      break;
  }
  const std::string explanation = "[" + zsh_explanation(e.description) + "]";
  const bool takes_value = !e.flag();
  const auto with_value = [&](const std::string& n) {
    return takes_value ? n + (starts_with(n, "--") ? "=" : "+") : n;
  };
  const bool is_help = std::find(e.names.begin(), e.names.end(), "--help") != e.names.end() ||
                       std::find(e.names.begin(), e.names.end(), "--version") != e.names.end();
  std::string exclusion;
  if (is_help)
    exclusion = "(- *)";
  else if (e.names.size() > 1 && !e.repeatable)
    exclusion = "(" + joined(e.names, " ") + ")";
  const std::string star = e.repeatable ? "*" : "";
  if (e.names.size() == 1) return "'" + exclusion + star + with_value(e.names[0]) + explanation + action + "'";
  std::vector<std::string> alts;
  for (const auto& n : e.names) alts.push_back(with_value(n));
  return "'" + exclusion + star + "'{" + joined(alts, ",") + "}'" + explanation + action + "'";
}

void write_zsh(std::ostream& out, const tool& t) {
  const auto fn = bash_function(t.name);
  const auto profiles_fn = fn + "_profiles";
  out << "#compdef " << t.name << '\n'
      << "# zsh completion for " << t.name << ", made from its --help when hpa was built.\n"
      << "(( $+functions[" << profiles_fn << "] )) || " << profiles_fn << "() {\n"
      << "  _alternative 'profiles:built-in profile:(" << joined(t.profiles, " ") << ")' 'files:profile file:_files'\n"
      << "}\n";
  if (!t.subcommands.empty()) {
    out << "(( $+functions[" << fn << "_commands] )) || " << fn << "_commands() {\n"
        << "  local -a commands=(\n";
    for (const auto& [sub, h] : t.subcommands)
      out << "    " << shell_quote(sub.names.front() + ":" + first_line(sub.description)) << '\n';
    out << "  )\n"
        << "  _describe -t commands command commands\n"
        << "}\n";
  }
  out << "local -a args\n"
      << "args=(\n";
  for (const auto* e : t.main.options()) out << "  " << zsh_spec(*e, profiles_fn) << '\n';
  out << ")\n";
  if (t.subcommands.empty()) {
    if (t.takes_files()) out << "args+=('*:input file:_files')\n";
  } else {
    std::vector<std::string> names;
    for (const auto& s : t.subcommands) names.push_back(s.first.names.front());
    out << "local sub w\n"
        << "for w in ${words[2,CURRENT-1]}; do\n"
        << "  case $w in (" << joined(names, "|") << ") sub=$w; break ;; esac\n"
        << "done\n"
        << "case $sub in\n";
    for (const auto& [sub, h] : t.subcommands) {
      out << "  (" << sub.names.front() << ")\n";
      for (const auto* e : h.options())
        if (e->names != std::vector<std::string>{"-h", "--help"})
          out << "    args+=(" << zsh_spec(*e, profiles_fn) << ")\n";
      const auto positionals = h.positionals();
      if (!positionals.empty() && kind_of(*positionals.front()) == value_kind::profile)
        out << "    args+=('*:profile:" << profiles_fn << "')\n";
      else if (!positionals.empty() || t.takes_files())
        out << "    args+=('*:file:_files')\n";
      out << "    ;;\n";
    }
    out << "  (*)\n";
    if (t.takes_files())
      out << "    args+=('*: :{_alternative \"commands:command:" << fn
          << "_commands\" \"files:input file:_files\"}')\n";
    else
      out << "    args+=('*: :" << fn << "_commands')\n";
    out << "    ;;\n"
        << "esac\n";
  }
  out << "_arguments -s -S $args\n";
}

// ---------------------------------------------------------------------------------------------
// fish

std::string fish_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') q += '\\';
    q += c;
  }
  return q + "'";
}

std::string fish_line(const tool& t, const entry& e, const std::string& condition) {
  std::string l = "complete -c " + t.name;
  if (!condition.empty()) l += " -n " + fish_quote(condition);
  for (const auto& n : e.names) l += (starts_with(n, "--") ? " -l " + n.substr(2) : " -s " + n.substr(1));
  switch (kind_of(e)) {
    case value_kind::choice:
      l += " -x -a " + fish_quote(joined(e.choices, " "));
      break;
    case value_kind::profile:
      l += " -r -F -a " + fish_quote(joined(t.profiles, " "));
      break;
    case value_kind::file:
      l += " -r -F";
      break;
    case value_kind::other:
      l += " -x";
      break;
    case value_kind::none:
      break;
  }
  return l + " -d " + fish_quote(first_line(e.description));
}

void write_fish(std::ostream& out, const tool& t) {
  out << "# fish completion for " << t.name << ", made from its --help when hpa was built.\n";
  std::vector<std::string> names;
  for (const auto& s : t.subcommands) names.push_back(s.first.names.front());
  const std::string no_sub = names.empty() ? "" : "not __fish_seen_subcommand_from " + joined(names, " ");
  if (!t.takes_files())
    out << "complete -c " << t.name << (no_sub.empty() ? "" : " -n " + fish_quote(no_sub)) << " -f\n";
  for (const auto* e : t.main.options()) out << fish_line(t, *e, "") << '\n';
  for (const auto& [sub, h] : t.subcommands) {
    const std::string name = sub.names.front();
    out << "complete -c " << t.name << " -n " << fish_quote(no_sub) << " -a " << name << " -d "
        << fish_quote(first_line(sub.description)) << '\n';
    const std::string in_sub = "__fish_seen_subcommand_from " + name;
    const auto positionals = h.positionals();
    if (positionals.empty() && !t.takes_files())
      out << "complete -c " << t.name << " -n " << fish_quote(in_sub) << " -f\n";
    if (!positionals.empty() && kind_of(*positionals.front()) == value_kind::profile)
      out << "complete -c " << t.name << " -n " << fish_quote(in_sub) << " -a " << fish_quote(joined(t.profiles, " "))
          << " -d 'built-in profile'\n";
    for (const auto* e : h.options())
      if (e->names != std::vector<std::string>{"-h", "--help"}) out << fish_line(t, *e, in_sub) << '\n';
  }
}

// ---------------------------------------------------------------------------------------------

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f.flush()) throw std::runtime_error("cannot write " + path.string());
}

template <class Writer>
std::string render(Writer&& w) {
  std::ostringstream s;
  w(s);
  return s.str();
}

int usage() {
  std::cerr << "usage: hpa-docgen tool PATH --out DIR [--profile-tool PATH] [--see-also NAME,NAME...]\n"
               "       hpa-docgen profiles PATH_OF_HPA_PROFILE --out DIR\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string mode = argv[1], path = argv[2];
  std::string out_dir, profile_tool;
  std::vector<std::string> see_also;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--out")
      out_dir = value;
    else if (key == "--profile-tool")
      profile_tool = value;
    else if (key == "--see-also")
      see_also = split(value, ',');
    else
      return usage();
  }
  if (out_dir.empty()) return usage();
  try {
    const fs::path dir(out_dir);
    if (mode == "profiles") {
      fs::remove_all(dir);  // a profile no longer built in must not stay behind
      fs::create_directories(dir);
      for (const auto& line : split_lines(capture(shell_quote(path) + " -f csv list"))) {
        const auto name = line.substr(0, line.find(','));
        if (name.empty() || name == "name") continue;
        write_file(dir / (name + ".json"), capture(shell_quote(path) + " show " + shell_quote(name)));
      }
      return 0;
    }
    if (mode != "tool") return usage();
    const tool t = read_tool(path, profile_tool);
    write_file(dir / "man1" / (t.name + ".1"), render([&](std::ostream& o) { write_man(o, t, see_also); }));
    write_file(dir / "bash" / t.name, render([&](std::ostream& o) { write_bash(o, t); }));
    write_file(dir / "zsh" / ("_" + t.name), render([&](std::ostream& o) { write_zsh(o, t); }));
    write_file(dir / "fish" / (t.name + ".fish"), render([&](std::ostream& o) { write_fish(o, t); }));
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "hpa-docgen: " << path << ": " << e.what() << '\n';
    return 1;
  }
}
