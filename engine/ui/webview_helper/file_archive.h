#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace vstkit::ui::helper {

/// The page's files as the editor packs them (helper_protocol.h): read from
/// a mapped archive, looked up by path. Malformed archives read as empty.
class FileArchive {
  public:
    /// Indexes `bytes`, which must outlive the archive.
    explicit FileArchive(std::span<const std::uint8_t> bytes);

    [[nodiscard]] std::optional<std::span<const std::uint8_t>> find(std::string_view path) const;
    [[nodiscard]] std::size_t size() const noexcept { return files_.size(); }

  private:
    std::map<std::string, std::span<const std::uint8_t>, std::less<>> files_;
};

/// The MIME type a file is served with, from its extension.
[[nodiscard]] std::string_view mimeTypeOf(std::string_view path);

}  // namespace vstkit::ui::helper
