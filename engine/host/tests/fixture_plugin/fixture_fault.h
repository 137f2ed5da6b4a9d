#pragma once

#include <cstdlib>
#include <string_view>

namespace vstkit::host::fixture {

/// The one fault the fixture plugin commits, chosen by the environment
/// variable VSTKIT_FIXTURE_FAULT when an instance is created. Each is a
/// mistake real plugins make, and each must fail exactly one check.
enum class Fault {
    None,
    WrongDefault,  ///< Level starts at 0.7 but declares 0.5: parameters.
    StringHalved,  ///< Level's text reads back as half its value: parameters.
    PartialState,  ///< Applies Level from a state before checking the rest: bad-state.
    CrashOnHuge,   ///< Dereferences null on a state over 1 MiB: bad-state.
    NanIn1000,     ///< Outputs NaN in 1000-frame blocks: blocks.
    LoudAtTop,     ///< Level 1.0 multiplies by 4000 instead of 2: automation.
    StuckNan,      ///< An unguarded filter keeps NaN for good: bad-input.
    Allocates,     ///< Allocates in every process() call: realtime.
    /// Rings on after its input stops, yet copies the input's silence flags
    /// and declares no tail: tail.
    RingsFlaggedSilent,
};

[[nodiscard]] inline Fault faultFromEnvironment() noexcept {
    struct Named {
        std::string_view name;
        Fault fault;
    };
    constexpr Named kFaults[] = {{"wrong-default", Fault::WrongDefault},
                                 {"string-halved", Fault::StringHalved},
                                 {"partial-state", Fault::PartialState},
                                 {"crash-on-huge-state", Fault::CrashOnHuge},
                                 {"nan-in-1000-frame-blocks", Fault::NanIn1000},
                                 {"loud-at-top", Fault::LoudAtTop},
                                 {"stuck-nan", Fault::StuckNan},
                                 {"allocates", Fault::Allocates},
                                 {"rings-flagged-silent", Fault::RingsFlaggedSilent}};
    const char* value = std::getenv("VSTKIT_FIXTURE_FAULT");
    for (const auto& named : kFaults) {
        if (value != nullptr && named.name == value) {
            return named.fault;
        }
    }
    return Fault::None;
}

}  // namespace vstkit::host::fixture
