// A minimal PNG encoder: 8-bit RGB, no filtering, the image data in stored (uncompressed) deflate
// blocks, so it needs no compression library; CRC-32 per chunk and Adler-32 over the zlib stream.
// Files are larger than a compressed PNG's (3 bytes a pixel); every PNG reader opens them.
// Not here: colours (heatmap.hpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bp::cli {

// CRC-32 (ISO 3309, as PNG chunks and zlib's crc32 use): crc32("123456789") == 0xCBF43926.
std::uint32_t crc32(const std::uint8_t* data, std::size_t size);
// Adler-32 (RFC 1950): adler32("Wikipedia") == 0x11E60398.
std::uint32_t adler32(const std::uint8_t* data, std::size_t size);

// The PNG file's bytes for width x height pixels, `rgb` row-major from the top, 3 bytes a pixel
// (rgb.size() must be 3 width height; width and height at least 1).
std::string png_rgb(int width, int height, const std::vector<std::uint8_t>& rgb);

}  // namespace bp::cli
