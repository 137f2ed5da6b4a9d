#include "arguments.h"

#include <charconv>

#include "vst3/host_error.h"

namespace vstkit::host {

Arguments::Arguments(std::span<const std::string_view> arguments,
                     std::set<std::string, std::less<>> flags,
                     std::set<std::string, std::less<>> options,
                     std::set<std::string, std::less<>> repeatable) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string_view argument = arguments[i];
        if (!argument.starts_with("--")) {
            positional_.emplace_back(argument);
            continue;
        }
        std::string name{argument.substr(2)};
        std::optional<std::string> inlineValue;
        if (const auto equals = name.find('='); equals != std::string::npos) {
            inlineValue = name.substr(equals + 1);
            name.resize(equals);
        }
        if (flags.contains(name) && !inlineValue) {
            flags_.insert(name);
        } else if (options.contains(name) || repeatable.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= arguments.size() || arguments[i + 1].starts_with("--")) {
                    throw HostError("--" + name + " needs a value");
                }
                inlineValue = std::string{arguments[++i]};
            }
            if (options_.contains(name) && !repeatable.contains(name)) {
                throw HostError("--" + name + " given twice");
            }
            options_.emplace(name, *inlineValue);
        } else {
            throw HostError("unknown option '" + std::string{argument} + "'");
        }
    }
}

std::optional<std::string> Arguments::value(std::string_view option) const {
    const auto found = options_.find(option);
    return found == options_.end() ? std::nullopt : std::optional{found->second};
}

std::vector<std::string> Arguments::values(std::string_view option) const {
    std::vector<std::string> found;
    const auto [begin, end] = options_.equal_range(option);
    for (auto it = begin; it != end; ++it) {
        found.push_back(it->second);
    }
    return found;
}

std::string Arguments::onlyPositional(std::string_view what) const {
    if (positional_.empty()) {
        throw HostError("missing " + std::string{what});
    }
    if (positional_.size() > 1) {
        throw HostError("unexpected argument '" + positional_[1] + "'");
    }
    return positional_.front();
}

int Arguments::parseInt(std::string_view option, const std::string& text, int min, int max) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        throw HostError("--" + std::string{option} + " wants a whole number from " +
                        std::to_string(min) + " to " + std::to_string(max) + ", not '" + text +
                        "'");
    }
    return value;
}

double Arguments::parseDouble(std::string_view option, const std::string& text, double min,
                              double max) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() ||
        !(value >= min && value <= max)) {
        throw HostError("--" + std::string{option} + " wants a number from " + std::to_string(min) +
                        " to " + std::to_string(max) + ", not '" + text + "'");
    }
    return value;
}

}  // namespace vstkit::host
