#pragma once

#include <cstdint>

namespace vstkit::clap_abi {

/// clap_istream: read returns the bytes read, 0 at the end, -1 on error.
struct InputStream {
    void* ctx;
    std::int64_t (*read)(const InputStream* stream, void* buffer, std::uint64_t size);
};

/// clap_ostream: write returns the bytes written (maybe fewer), -1 on error.
struct OutputStream {
    void* ctx;
    std::int64_t (*write)(const OutputStream* stream, const void* buffer, std::uint64_t size);
};

}  // namespace vstkit::clap_abi
