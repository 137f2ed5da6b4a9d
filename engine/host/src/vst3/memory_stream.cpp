#include "memory_stream.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace vstkit::host {

using namespace Steinberg;

tresult PLUGIN_API MemoryStream::read(void* buffer, int32 numBytes, int32* numBytesRead) {
    if (buffer == nullptr || numBytes < 0) {
        return kInvalidArgument;
    }
    const std::size_t available = bytes_.size() - std::min(position_, bytes_.size());
    const std::size_t count = std::min(available, static_cast<std::size_t>(numBytes));
    if (count > 0) {
        std::memcpy(buffer, bytes_.data() + position_, count);
    }
    position_ += count;
    if (numBytesRead != nullptr) {
        *numBytesRead = static_cast<int32>(count);
    }
    return kResultOk;
}

tresult PLUGIN_API MemoryStream::write(void* buffer, int32 numBytes, int32* numBytesWritten) {
    if (buffer == nullptr || numBytes < 0) {
        return kInvalidArgument;
    }
    const auto count = static_cast<std::size_t>(numBytes);
    if (position_ > kMaxStreamBytes || count > kMaxStreamBytes - position_) {
        return kOutOfMemory;  // Never throw across the plugin ABI.
    }
    if (position_ + count > bytes_.size()) {
        bytes_.resize(position_ + count);
    }
    std::memcpy(bytes_.data() + position_, buffer, count);
    position_ += count;
    if (numBytesWritten != nullptr) {
        *numBytesWritten = numBytes;
    }
    return kResultOk;
}

tresult PLUGIN_API MemoryStream::seek(int64 position, int32 mode, int64* result) {
    int64 base = 0;
    if (mode == kIBSeekCur) {
        base = static_cast<int64>(position_);
    } else if (mode == kIBSeekEnd) {
        base = static_cast<int64>(bytes_.size());
    } else if (mode != kIBSeekSet) {
        return kInvalidArgument;
    }
    if ((position > 0 && base > std::numeric_limits<int64>::max() - position) ||
        base + position < 0) {
        return kInvalidArgument;
    }
    const int64 target = base + position;
    position_ = static_cast<std::size_t>(target);
    if (result != nullptr) {
        *result = target;
    }
    return kResultOk;
}

tresult PLUGIN_API MemoryStream::tell(int64* position) {
    if (position == nullptr) {
        return kInvalidArgument;
    }
    *position = static_cast<int64>(position_);
    return kResultOk;
}

}  // namespace vstkit::host
