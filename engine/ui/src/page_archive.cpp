#include "page_archive.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <string>

namespace vstkit::ui {

namespace {

void appendLength(std::string& out, std::size_t length) {
    const auto value = static_cast<std::uint32_t>(length);
    for (unsigned shift = 0; shift < 32; shift += 8) {
        out += static_cast<char>((value >> shift) & 0xFFU);
    }
}

bool writeAll(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t written = write(fd, bytes.data() + done, bytes.size() - done);
        if (written <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(written);
    }
    return true;
}

}  // namespace

int packPageArchive(std::span<const core::WebUiFile> files) noexcept {
    try {
        std::string archive;
        for (const auto& file : files) {
            appendLength(archive, file.path.size());
            archive += file.path;
            appendLength(archive, file.bytes.size());
            archive.append(reinterpret_cast<const char*>(file.bytes.data()), file.bytes.size());
        }
        const int fd = memfd_create("vstkit-page", MFD_CLOEXEC | MFD_ALLOW_SEALING);
        if (fd < 0) {
            return -1;
        }
        // Sealed: the helper reads exactly what the plugin carries.
        if (!writeAll(fd, archive) ||
            fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
            close(fd);
            return -1;
        }
        return fd;
    } catch (...) {
        return -1;
    }
}

}  // namespace vstkit::ui
