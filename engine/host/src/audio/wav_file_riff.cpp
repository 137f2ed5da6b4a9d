// WAV files without libsndfile, for the Windows build (Debian has no
// libsndfile for MinGW): RIFF WAVE with 16, 24 or 32-bit integer or 32 or
// 64-bit float samples, plain or WAVE_FORMAT_EXTENSIBLE, read; 32-bit float written.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>

#include "platform/utf8_path.h"
#include "vst3/host_error.h"
#include "wav_file.h"

namespace vstkit::host {

namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatFloat = 3;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;

std::uint32_t littleEndian(const unsigned char* bytes, int count) noexcept {
    std::uint32_t value = 0;
    for (int index = count - 1; index >= 0; --index) {
        value = (value << 8U) | bytes[index];
    }
    return value;
}

float sampleAt(const unsigned char* bytes, std::uint16_t format, int bits) noexcept {
    if (format == kFormatFloat && bits == 32) {
        const std::uint32_t word = littleEndian(bytes, 4);
        float value = 0.0F;
        std::memcpy(&value, &word, sizeof value);
        return value;
    }
    if (format == kFormatFloat) {  // 64-bit
        const std::uint64_t word =
            littleEndian(bytes, 4) | (std::uint64_t{littleEndian(bytes + 4, 4)} << 32U);
        double value = 0.0;
        std::memcpy(&value, &word, sizeof value);
        return static_cast<float>(value);
    }
    const int bytesPerSample = bits / 8;
    std::uint32_t word = littleEndian(bytes, bytesPerSample);
    // Sign-extend from the sample's width.
    const std::uint32_t signBit = 1U << static_cast<unsigned>(bits - 1);
    const auto value =
        static_cast<std::int64_t>(word ^ signBit) - static_cast<std::int64_t>(signBit);
    return static_cast<float>(static_cast<double>(value) / static_cast<double>(signBit));
}

void putLittleEndian(std::string& out, std::uint32_t value, int count) {
    for (int index = 0; index < count; ++index) {
        out.push_back(static_cast<char>((value >> (8U * static_cast<unsigned>(index))) & 0xFFU));
    }
}

}  // namespace

AudioClip readAudioFile(const std::filesystem::path& path) {
    std::ifstream file{path, std::ios::binary | std::ios::ate};
    if (!file) {
        throw HostError("cannot read " + utf8Of(path) + ": cannot open the file");
    }
    // Read whole at once: GCC 12 at -O3 warns falsely about istreambuf_iterator.
    const std::streamoff fileSize = file.tellg();
    if (fileSize < 0) {
        throw HostError("cannot read " + utf8Of(path) + ": cannot tell its size");
    }
    std::string bytes(static_cast<std::size_t>(fileSize), '\0');
    file.seekg(0);
    file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (file.gcount() != static_cast<std::streamsize>(bytes.size())) {
        throw HostError("cannot read " + utf8Of(path) + ": it ended early");
    }
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto fail = [&](const std::string& why) {
        return HostError("cannot read " + utf8Of(path) + ": " + why);
    };
    if (bytes.size() < 12 || bytes.compare(0, 4, "RIFF") != 0 || bytes.compare(8, 4, "WAVE") != 0) {
        throw fail("not a WAV file (RIFF WAVE)");
    }
    std::uint16_t format = 0;
    int channels = 0;
    int bits = 0;
    AudioClip clip;
    const unsigned char* samples = nullptr;
    std::size_t sampleBytes = 0;
    for (std::size_t at = 12; at + 8 <= bytes.size();) {
        const std::uint32_t size = littleEndian(data + at + 4, 4);
        const std::size_t body = at + 8;
        if (size > bytes.size() - body) {
            if (bytes.compare(at, 4, "data") == 0) {
                sampleBytes = bytes.size() - body;  // A cut file: what is there.
                samples = data + body;
            }
            break;
        }
        if (bytes.compare(at, 4, "fmt ") == 0 && size >= 16) {
            format = static_cast<std::uint16_t>(littleEndian(data + body, 2));
            channels = static_cast<int>(littleEndian(data + body + 2, 2));
            clip.sampleRate = static_cast<int>(littleEndian(data + body + 4, 4));
            bits = static_cast<int>(littleEndian(data + body + 14, 2));
            if (format == kFormatExtensible && size >= 26) {
                format = static_cast<std::uint16_t>(littleEndian(data + body + 24, 2));
            }
        } else if (bytes.compare(at, 4, "data") == 0) {
            samples = data + body;
            sampleBytes = size;
        }
        at = body + size + (size & 1U);
    }
    if (channels == 0) {
        throw fail("no fmt chunk");
    }
    const bool supported = (format == kFormatPcm && (bits == 16 || bits == 24 || bits == 32)) ||
                           (format == kFormatFloat && (bits == 32 || bits == 64));
    if (!supported || channels < 1 || clip.sampleRate <= 0) {
        throw fail("unsupported WAV format (format " + std::to_string(format) + ", " +
                   std::to_string(bits) + " bits, " + std::to_string(channels) + " channels)");
    }
    if (samples == nullptr) {
        throw fail("no data chunk");
    }
    const std::size_t frameBytes =
        static_cast<std::size_t>(channels) * static_cast<std::size_t>(bits / 8);
    const std::size_t frames = sampleBytes / frameBytes;
    clip.channels.assign(static_cast<std::size_t>(channels), std::vector<float>(frames));
    for (std::size_t frame = 0; frame < frames; ++frame) {
        for (std::size_t channel = 0; channel < clip.channels.size(); ++channel) {
            clip.channels[channel][frame] = sampleAt(
                samples + frame * frameBytes + channel * static_cast<std::size_t>(bits / 8), format,
                bits);
        }
    }
    return clip;
}

void writeWavFile(const std::filesystem::path& path, const AudioClip& clip) {
    // RIFF sizes are 32-bit: a longer file cannot be written as a WAV.
    constexpr std::uint64_t kMaxDataBytes = 0xFFFFFFFFULL - 36U;
    if (static_cast<std::uint64_t>(clip.frames()) * clip.channels.size() * 4U > kMaxDataBytes) {
        throw HostError("cannot write " + utf8Of(path) + ": over 4 GiB does not fit a WAV file");
    }
    const auto channels = static_cast<std::uint32_t>(clip.channels.size());
    const auto frames = static_cast<std::uint32_t>(clip.frames());
    const std::uint32_t dataBytes = frames * channels * 4U;
    std::string out;
    out.reserve(44 + dataBytes);
    out.append("RIFF");
    putLittleEndian(out, 36U + dataBytes, 4);
    out.append("WAVEfmt ");
    putLittleEndian(out, 16, 4);
    putLittleEndian(out, kFormatFloat, 2);
    putLittleEndian(out, channels, 2);
    putLittleEndian(out, static_cast<std::uint32_t>(clip.sampleRate), 4);
    putLittleEndian(out, static_cast<std::uint32_t>(clip.sampleRate) * channels * 4U, 4);
    putLittleEndian(out, channels * 4U, 2);
    putLittleEndian(out, 32, 2);
    out.append("data");
    putLittleEndian(out, dataBytes, 4);
    for (std::uint32_t frame = 0; frame < frames; ++frame) {
        for (const auto& channel : clip.channels) {
            std::uint32_t word = 0;
            std::memcpy(&word, &channel[frame], sizeof word);
            putLittleEndian(out, word, 4);
        }
    }
    std::ofstream file{path, std::ios::binary | std::ios::trunc};
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!file) {
        throw HostError("cannot write " + utf8Of(path));
    }
}

}  // namespace vstkit::host
