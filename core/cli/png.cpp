#include "png.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace bp::cli {
namespace {

const std::array<std::uint32_t, 256>& crc_table() {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  return table;
}

void put32(std::string& out, std::uint32_t v) {  // big-endian, as PNG and zlib store numbers
  for (int shift = 24; shift >= 0; shift -= 8) out += char((v >> shift) & 0xFF);
}

void chunk(std::string& png, const char* type, const std::string& data) {
  put32(png, std::uint32_t(data.size()));
  const std::string body = std::string(type, 4) + data;
  png += body;
  put32(png, crc32(reinterpret_cast<const std::uint8_t*>(body.data()), body.size()));
}

}  // namespace

std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < size; ++i) c = crc_table()[(c ^ data[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::uint32_t adler32(const std::uint8_t* data, std::size_t size) {
  std::uint32_t a = 1, b = 0;
  for (std::size_t i = 0; i < size; ++i) {
    a = (a + data[i]) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

std::string png_rgb(int width, int height, const std::vector<std::uint8_t>& rgb) {
  // The raw scanlines: filter type 0 (none), then the row's pixels.
  const std::size_t row = 3 * std::size_t(width);
  std::vector<std::uint8_t> raw;
  raw.reserve((row + 1) * std::size_t(height));
  for (int y = 0; y < height; ++y) {
    raw.push_back(0);
    raw.insert(raw.end(), rgb.begin() + std::ptrdiff_t(row * y), rgb.begin() + std::ptrdiff_t(row * (y + 1)));
  }
  // zlib: header (deflate, 32K window, no dictionary, check bits), stored blocks of at most
  // 65535 bytes (BFINAL on the last, BTYPE 00, LEN and its complement little-endian), Adler-32.
  std::string z = {char(0x78), char(0x01)};
  std::size_t at = 0;
  do {
    const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
    const bool last = at + n == raw.size();
    z += char(last ? 1 : 0);
    z += char(n & 0xFF), z += char(n >> 8);
    z += char(~n & 0xFF), z += char((~n >> 8) & 0xFF);
    z.append(reinterpret_cast<const char*>(raw.data() + at), n);
    at += n;
  } while (at < raw.size());
  put32(z, adler32(raw.data(), raw.size()));

  std::string header;
  put32(header, std::uint32_t(width));
  put32(header, std::uint32_t(height));
  header += {char(8), char(2), char(0), char(0), char(0)};  // 8 bits, RGB, deflate, adaptive filters, no interlace
  std::string png = "\x89PNG\r\n\x1a\n";
  chunk(png, "IHDR", header);
  chunk(png, "IDAT", z);
  chunk(png, "IEND", "");
  return png;
}

}  // namespace bp::cli
