#include "hpa/io/input.hpp"

#include <array>

#include "hpa/io/utf8.hpp"
#include "text.hpp"

namespace hpa::io {

int parse_tz(std::string_view text) {
  const auto s = detail::trim(text);
  const auto up = [](std::string_view v) {
    std::string u(v);
    for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return u;
  };
  std::string_view offset = s;
  if (up(s.substr(0, 3)) == "UTC" || up(s.substr(0, 3)) == "GMT") offset.remove_prefix(3);
  if (offset.empty() || offset == "Z" || offset == "z") return 0;
  // "+8" and "-5" as people write them: one or two digits of hours
  const bool short_hour = offset.size() == 2 && (offset[0] == '+' || offset[0] == '-');
  const std::string iso = short_hour ? std::string{offset[0], '0', offset[1]} : std::string(offset);
  const auto o = parse_utc_offset(iso);
  if (o && o.length == iso.size()) return o.minutes;
  const bool named = s.find('/') != std::string_view::npos;  // Asia/Shanghai
  throw error("--tz: expected UTC or an offset such as +08:00, -05:00 or UTC+8, got " + quote(text) +
              (named ? " (named time zones are not read: give the offset)" : ""));
}

std::vector<std::string> parse_columns(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t at = 0;;) {
    const auto comma = text.find(',', at);
    names.emplace_back(detail::trim(text.substr(at, comma == std::string_view::npos ? comma : comma - at)));
    if (names.back().empty())
      throw error("--columns: expected names separated by commas, such as station,time,aqi, got " + quote(text));
    if (comma == std::string_view::npos) return names;
    at = comma + 1;
  }
}

// The parts' bytes one after the other, for a reader that reads the chain as one stream.
class input_chain::buffer : public std::streambuf {
 public:
  explicit buffer(const std::vector<part>& parts) : parts_(parts) {}

 protected:
  int_type underflow() override {
    while (at_ < parts_.size()) {
      const auto n = parts_[at_].stream->rdbuf()->sgetn(data_.data(), static_cast<std::streamsize>(data_.size()));
      if (n > 0) {
        setg(data_.data(), data_.data(), data_.data() + n);
        return traits_type::to_int_type(data_[0]);
      }
      ++at_;
    }
    return traits_type::eof();
  }

 private:
  const std::vector<part>& parts_;
  std::size_t at_ = 0;
  std::array<char, 1 << 16> data_{};
};

input_chain::input_chain(std::vector<part> parts, input_layout layout)
    : std::istream(nullptr),
      parts_(std::move(parts)),
      layout_(std::move(layout)),
      buf_(std::make_unique<buffer>(parts_)) {
  rdbuf(buf_.get());
}

input_chain::~input_chain() = default;

}  // namespace hpa::io
