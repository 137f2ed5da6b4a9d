#include "remembered_values.h"
#include "vstkit/core/plugin_definition.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

namespace vstkit::formats::standalone {
namespace {

std::string systemError(int error) {
    return std::generic_category().message(error);
}

/// Writes every byte or returns errno.
int writeAll(int fd, const std::vector<std::uint8_t>& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t result = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (result < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        written += static_cast<std::size_t>(result);
    }
    return 0;
}

/// Makes the rename itself survive a power cut; failure only weakens that.
void syncFolder(const std::filesystem::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

std::optional<std::filesystem::path> rememberedValuesPath(std::string_view appName,
                                                          const char* xdgConfigHome,
                                                          const char* home) {
    std::filesystem::path config;
    if (xdgConfigHome != nullptr && xdgConfigHome[0] == '/') {
        config = xdgConfigHome;
    } else if (home != nullptr && home[0] == '/') {
        config = std::filesystem::path{home} / ".config";
    } else {
        return std::nullopt;
    }
    return config / "vstkit" / (std::string{appName} + ".state");
}

RememberedValues loadRememberedValues(const std::filesystem::path& file) {
    RememberedValues remembered{protocol::defaultValues(core::pluginDefinition().parameters), {}};
    std::error_code error;
    if (!std::filesystem::exists(file, error)) {
        return remembered;
    }
    const auto ignoring = [&file](const std::string& why) {
        return "ignoring the remembered values in " + file.string() + " (" + why +
               "); using the defaults";
    };
    const auto size = std::filesystem::file_size(file, error);
    if (error) {
        remembered.warning = ignoring(error.message());
        return remembered;
    }
    if (size > protocol::kMaxStateBytes) {
        remembered.warning = ignoring("too large to be a state file");
        return remembered;
    }
    std::ifstream stream{file, std::ios::binary};
    if (!stream) {
        remembered.warning = ignoring("cannot open it");
        return remembered;
    }
    const std::vector<std::uint8_t> blob{std::istreambuf_iterator<char>{stream},
                                         std::istreambuf_iterator<char>{}};
    if (stream.bad()) {
        remembered.warning = ignoring("cannot read it");
        return remembered;
    }
    const auto parsed = protocol::parseState(core::pluginDefinition().parameters, blob);
    if (!parsed.values) {
        remembered.warning = ignoring(std::string{protocol::describe(parsed.error)});
        return remembered;
    }
    remembered.values = *parsed.values;
    return remembered;
}

std::string saveRememberedValues(const std::filesystem::path& file,
                                 const protocol::ParamValues& values) {
    const auto blob = protocol::serializeState(core::pluginDefinition().parameters, values);
    std::error_code error;
    std::filesystem::create_directories(file.parent_path(), error);
    if (error) {
        return "cannot create " + file.parent_path().string() + ": " + error.message();
    }
    // Unique per process, so two instances never write the same temporary file.
    std::filesystem::path temporary = file;
    temporary += ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        return "cannot write " + temporary.string() + ": " + systemError(errno);
    }
    int failure = writeAll(fd, blob);
    if (failure == 0 && ::fsync(fd) != 0) {
        failure = errno;
    }
    if (::close(fd) != 0 && failure == 0) {
        failure = errno;
    }
    if (failure == 0 && std::rename(temporary.c_str(), file.c_str()) != 0) {
        failure = errno;
    }
    if (failure != 0) {
        ::unlink(temporary.c_str());
        return "cannot write " + file.string() + ": " + systemError(failure);
    }
    syncFolder(file.parent_path());
    return {};
}

}  // namespace vstkit::formats::standalone
