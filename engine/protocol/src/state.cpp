#include "vstkit/protocol/state.h"

#include <algorithm>
#include <bit>
#include <bitset>
#include <cmath>
#include <cstring>

#include "vstkit/protocol/normalized.h"

namespace vstkit::protocol {
namespace {

constexpr std::size_t kMaxEntries = 1024;

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) {
        out.push_back(static_cast<std::uint8_t>(value >> shift));
    }
}

/// Bounds-checked little-endian reader over the blob; every read reports
/// whether the bytes were there.
class BlobReader {
  public:
    explicit BlobReader(std::span<const std::uint8_t> blob) noexcept : blob_(blob) {}

    [[nodiscard]] bool readU8(std::uint8_t& value) noexcept {
        if (remaining() < 1) {
            return false;
        }
        value = blob_[position_++];
        return true;
    }

    [[nodiscard]] bool readU32(std::uint32_t& value) noexcept {
        if (remaining() < 4) {
            return false;
        }
        value = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            value |= static_cast<std::uint32_t>(blob_[position_++]) << shift;
        }
        return true;
    }

    [[nodiscard]] bool readBytes(std::size_t count, std::span<const std::uint8_t>& bytes) noexcept {
        if (remaining() < count) {
            return false;
        }
        bytes = blob_.subspan(position_, count);
        position_ += count;
        return true;
    }

    [[nodiscard]] std::size_t remaining() const noexcept { return blob_.size() - position_; }

  private:
    std::span<const std::uint8_t> blob_;
    std::size_t position_ = 0;
};

[[nodiscard]] std::optional<std::size_t> findParamIndex(std::span<const ParamSpec> table,
                                                        std::string_view stableId) noexcept {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i].stableId == stableId) {
            return i;
        }
    }
    return std::nullopt;
}

}  // namespace

ParamValues defaultValues() noexcept {
    ParamValues values{};
    for (std::size_t i = 0; i < kParams.size(); ++i) {
        values[i] = kParams[i].defaultValue;
    }
    return values;
}

std::string_view describe(StateError error) noexcept {
    switch (error) {
        case StateError::None:
            return "ok";
        case StateError::Empty:
            return "state is empty";
        case StateError::TooLarge:
            return "state is larger than any VstKit state can be";
        case StateError::NotVstKitState:
            return "state does not start with the VstKit tag";
        case StateError::UnsupportedVersion:
            return "state was written by a newer or unknown VstKit version";
        case StateError::Truncated:
            return "state ends before its last entry";
        case StateError::MalformedEntry:
            return "state holds an entry with an invalid id length";
        case StateError::DuplicateId:
            return "state names the same parameter twice";
        case StateError::NonFiniteValue:
            return "state holds a NaN or infinite value";
        case StateError::TrailingBytes:
            return "state has bytes after its last entry";
    }
    return "unknown state error";
}

std::vector<std::uint8_t> serializeState(const ParamValues& values) {
    return serializeState(kParams, values);
}

std::vector<std::uint8_t> serializeState(std::span<const ParamSpec> table,
                                         std::span<const float> values) {
    // Starting from the magic rather than inserting it into an empty vector
    // also keeps GCC 12's -O3 from a false stringop-overflow warning.
    std::vector<std::uint8_t> out(kStateMagic.begin(), kStateMagic.end());
    out.reserve(12 + table.size() * (1 + kMaxStateIdLength + 4));
    appendU32(out, kStateVersion);
    appendU32(out, static_cast<std::uint32_t>(table.size()));
    for (std::size_t i = 0; i < table.size(); ++i) {
        const std::string_view id = table[i].stableId;
        const float value = i < values.size() ? values[i] : table[i].defaultValue;
        out.push_back(static_cast<std::uint8_t>(id.size()));
        out.insert(out.end(), id.begin(), id.end());
        appendU32(out, std::bit_cast<std::uint32_t>(clampPlain(table[i], value)));
    }
    return out;
}

StateParseResult parseState(std::span<const std::uint8_t> blob) noexcept {
    ParamValues values{};
    const StateError error = parseState(kParams, blob, values);
    if (error != StateError::None) {
        return StateParseResult{std::nullopt, error};
    }
    return StateParseResult{values, StateError::None};
}

StateError parseState(std::span<const ParamSpec> table, std::span<const std::uint8_t> blob,
                      std::span<float> values) noexcept {
    if (blob.empty()) {
        return StateError::Empty;
    }
    if (blob.size() > kMaxStateBytes) {
        return StateError::TooLarge;
    }
    BlobReader reader{blob};
    std::span<const std::uint8_t> magic;
    if (!reader.readBytes(kStateMagic.size(), magic) ||
        std::memcmp(magic.data(), kStateMagic.data(), kStateMagic.size()) != 0) {
        return StateError::NotVstKitState;
    }
    std::uint32_t version = 0;
    std::uint32_t entryCount = 0;
    if (!reader.readU32(version) || !reader.readU32(entryCount)) {
        return StateError::Truncated;
    }
    if (version == 0 || version > kStateVersion) {
        return StateError::UnsupportedVersion;
    }
    if (entryCount > kMaxEntries) {
        return StateError::MalformedEntry;
    }

    // Read into a scratch copy, so a rejected blob leaves `values` untouched.
    std::array<float, kMaxTableRows> parsed{};
    std::bitset<kMaxTableRows> seen;
    const std::size_t rows = std::min({table.size(), values.size(), kMaxTableRows});
    for (std::size_t i = 0; i < rows; ++i) {
        parsed[i] = table[i].defaultValue;
    }
    for (std::uint32_t entry = 0; entry < entryCount; ++entry) {
        std::uint8_t idLength = 0;
        if (!reader.readU8(idLength)) {
            return StateError::Truncated;
        }
        if (idLength == 0 || idLength > kMaxStateIdLength) {
            return StateError::MalformedEntry;
        }
        std::span<const std::uint8_t> idBytes;
        std::uint32_t valueBits = 0;
        if (!reader.readBytes(idLength, idBytes) || !reader.readU32(valueBits)) {
            return StateError::Truncated;
        }
        const float value = std::bit_cast<float>(valueBits);
        if (!std::isfinite(value)) {
            return StateError::NonFiniteValue;
        }
        const std::string_view id{reinterpret_cast<const char*>(idBytes.data()), idBytes.size()};
        const auto index = findParamIndex(table.first(rows), id);
        if (!index) {
            continue;  // A parameter from a newer build, or one since retired.
        }
        if (seen[*index]) {
            return StateError::DuplicateId;
        }
        seen[*index] = true;
        parsed[*index] = clampPlain(table[*index], value);
    }
    if (reader.remaining() != 0) {
        return StateError::TrailingBytes;
    }
    std::copy_n(parsed.begin(), rows, values.begin());
    return StateError::None;
}

}  // namespace vstkit::protocol
