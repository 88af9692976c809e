#include "hpa/io/csv.hpp"

#include <algorithm>
#include <cstring>

namespace hpa::io {

namespace {
// Reads start small (a short file costs little) and double up to 1 MiB (a long one reads fast).
constexpr std::size_t first_read = std::size_t{1} << 14, chunk = std::size_t{1} << 20;
constexpr char bom[] = "\xEF\xBB\xBF";
constexpr std::size_t bom_size = 3;
}  // namespace

csv_reader::csv_reader(std::istream& in, std::string source, warn_fn warn)
    : in_(in), source_(std::move(source)), buf_(first_read), warn_(std::move(warn)) {}

// A BOM at the start of a later record: the start of a file joined to another with cat.
void csv_reader::skip_inner_bom() {
  if (buf_[pos_] != bom[0]) return;  // the common case costs one comparison
  while (end_ - pos_ < bom_size && fill()) {
  }
  if (end_ - pos_ < bom_size || std::memcmp(buf_.data() + pos_, bom, bom_size) != 0) return;
  pos_ += bom_size;
  ++inner_boms_;
  if (warn_)
    warn_(to_string(location{source_, line_, 0}) +
          ": a byte-order mark inside the input (files joined with cat?), removed");
}

// UTF-16 text (a spreadsheet's "Unicode text"): by its byte-order mark, or by the NUL that every
// ASCII character carries beside it. Refused with the command that converts it, as GBK is.
void csv_reader::refuse_utf16() const {
  const auto* b = reinterpret_cast<const unsigned char*>(buf_.data() + pos_);
  const std::size_t n = std::min<std::size_t>(end_ - pos_, utf16_probe_bytes) & ~std::size_t{1};
  const char* from = nullptr;
  if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
    from = "UTF-16";
  } else if (n >= 4) {
    std::size_t nul_even = 0, nul_odd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
      nul_even += b[i] == 0;
      nul_odd += b[i + 1] == 0;
    }
    // Text of ASCII characters: every other byte is NUL, the others are not. A gzip or a zip
    // has NULs too, but scattered.
    if (nul_odd * 4 >= n * 3 / 2 && nul_even == 0)
      from = "UTF-16LE";
    else if (nul_even * 4 >= n * 3 / 2 && nul_odd == 0)
      from = "UTF-16BE";
  }
  if (!from) return;
  const std::string file = source_ == "stdin" ? std::string("FILE.csv") : source_;
  const bool csv = file.size() > 4 && file.compare(file.size() - 4, 4, ".csv") == 0;
  const std::string converted = (csv ? file.substr(0, file.size() - 4) : file) + "-utf8.csv";
  throw error(location{source_, 1, 0}, std::string("text is ") + from +
                                           ", not UTF-8: convert the file first: iconv -f " + from + " -t UTF-8 " +
                                           file + " > " + converted);
}

bool csv_reader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {  // keep the unread tail at the front
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  const std::size_t want = std::min(chunk, std::max(first_read, total_bytes_));
  if (buf_.size() - end_ < want) buf_.resize(end_ + want);
  in_.read(buf_.data() + end_, static_cast<std::streamsize>(buf_.size() - end_));
  const auto got = static_cast<std::size_t>(in_.gcount());
  if (in_.bad()) throw error(location{source_, line_, 0}, "read error");
  end_ += got;
  total_bytes_ += got;
  if (got == 0) eof_ = true;
  return got > 0;
}

void csv_reader::expect_fields(std::size_t n) const {
  if (fields_.size() != n)
    throw error(at(), "expected " + std::to_string(n) + " fields, got " + std::to_string(fields_.size()));
}

bool csv_reader::next() {
  for (;;) {
    if (pos_ == end_ && !fill()) return false;
    if (first_) {
      first_ = false;
      while (end_ - pos_ < utf16_probe_bytes && fill()) {
      }
      refuse_utf16();
      if (end_ - pos_ >= bom_size && std::memcmp(buf_.data() + pos_, bom, bom_size) == 0) pos_ += bom_size;
      if (pos_ == end_) continue;
    } else {
      skip_inner_bom();
      if (pos_ == end_) continue;
    }
    // Find the end of the physical line; a record that starts with no quote in it is the line.
    const char* start = buf_.data() + pos_;
    auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    while (!nl && !eof_) {
      if (end_ - pos_ > max_record_bytes) throw error(location{source_, line_, 0}, "line is longer than 1048576 bytes");
      const std::size_t seen = end_ - pos_;
      fill();
      start = buf_.data() + pos_;
      nl = static_cast<const char*>(std::memchr(start + seen, '\n', end_ - pos_ - seen));
    }
    const char* line_end = nl ? nl : buf_.data() + end_;
    if (static_cast<std::size_t>(line_end - start) > max_record_bytes)
      throw error(location{source_, line_, 0}, "line is longer than 1048576 bytes");
    record_line_ = line_;
    unterminated_ = !nl;
    const char* stop = line_end;
    if (stop > start && stop[-1] == '\r') --stop;
    if (stop == start) {  // a blank line
      pos_ = static_cast<std::size_t>(line_end - buf_.data()) + (nl ? 1 : 0);
      ++line_;
      continue;
    }
    // Split on commas; a field that opens with a quote sends the record to the slow path (a
    // quote inside an unquoted field is taken as text).
    fields_.clear();
    const char* f = start;
    bool quoted = false;
    for (;;) {
      quoted |= *f == '"';
      auto* comma = static_cast<const char*>(std::memchr(f, ',', static_cast<std::size_t>(stop - f)));
      if (!comma) {
        fields_.emplace_back(f, static_cast<std::size_t>(stop - f));
        break;
      }
      fields_.emplace_back(f, static_cast<std::size_t>(comma - f));
      f = comma + 1;
    }
    if (quoted) {
      parse_quoted_record();
      return true;
    }
    pos_ = static_cast<std::size_t>(line_end - buf_.data()) + (nl ? 1 : 0);
    ++line_;
    return true;
  }
}

// The slow path: a record with quotes, possibly over several lines. Unescaped field text is
// gathered in scratch_, so views stay valid even when the buffer moves.
void csv_reader::parse_quoted_record() {
  scratch_.clear();
  spans_.clear();
  std::size_t i = pos_;
  std::size_t field_start = 0;
  bool quoted = false, was_quoted = false;
  std::uint64_t lines = 0;
  auto end_field = [&] {
    spans_.emplace_back(field_start, scratch_.size() - field_start);
    field_start = scratch_.size();
    was_quoted = false;
  };
  for (;;) {
    if (i == end_) {
      const std::size_t consumed = i - pos_;
      const bool more = fill();
      i = pos_ + consumed;  // fill() moves the unread bytes to the front, even when it reads none
      if (!more) {
        if (quoted) throw error(location{source_, record_line_, spans_.size() + 1}, "unterminated quoted field");
        unterminated_ = true;
        break;
      }
      if (consumed > max_record_bytes)
        throw error(location{source_, record_line_, 0}, "record is longer than 1048576 bytes");
      continue;
    }
    const char c = buf_[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 == end_ && !eof_) {  // need to see the next byte
          const std::size_t consumed = i - pos_;
          fill();
          i = pos_ + consumed;
          continue;
        }
        if (i + 1 < end_ && buf_[i + 1] == '"') {
          scratch_ += '"';
          i += 2;
          continue;
        }
        quoted = false;
        ++i;
        continue;
      }
      if (c == '\n') ++lines;
      scratch_ += c;
      ++i;
      continue;
    }
    if (c == '"' && scratch_.size() == field_start && !was_quoted) {
      quoted = was_quoted = true;
      ++i;
      continue;
    }
    if (c == ',') {
      end_field();
      ++i;
      continue;
    }
    if (c == '\n') {
      ++i;
      ++lines;
      unterminated_ = false;
      break;
    }
    if (c == '\r' && (i + 1 == end_ || buf_[i + 1] == '\n')) {
      ++i;
      continue;
    }
    if (was_quoted)
      throw error(location{source_, record_line_, spans_.size() + 1}, "unexpected text after a closing quote");
    scratch_ += c;
    ++i;
  }
  end_field();
  pos_ = i;
  line_ += lines ? lines : 1;
  fields_.clear();
  for (auto [at, n] : spans_) fields_.emplace_back(scratch_.data() + at, n);
}

}  // namespace hpa::io
