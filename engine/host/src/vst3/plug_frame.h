#pragma once

#include <chrono>
#include <vector>

#include "host_object.h"
#include "pluginterfaces/gui/iplugview.h"

namespace vstkit::host {

/// The host side of an editor on Linux: IPlugFrame for resize requests and
/// IRunLoop, through which the plugin asks the host to watch its file
/// descriptors (its X connection) and to call its timers. pump() serves both.
class PlugFrame final : public HostObject<Steinberg::IPlugFrame, Steinberg::Linux::IRunLoop> {
  public:
    /// The process's one run loop. Like a DAW's, it lives as long as the
    /// process: plugins may hold on to it (JUCE 7.0.5 queries IRunLoop from
    /// the frame and never releases it, juce_VST3_Wrapper.cpp), so a
    /// reference-counted frame could never be freed anyway.
    [[nodiscard]] static PlugFrame& hostRunLoop();

    Steinberg::tresult PLUGIN_API resizeView(Steinberg::IPlugView* view,
                                             Steinberg::ViewRect* newSize) override;

    Steinberg::tresult PLUGIN_API registerEventHandler(
        Steinberg::Linux::IEventHandler* handler, Steinberg::Linux::FileDescriptor fd) override;
    Steinberg::tresult PLUGIN_API
    unregisterEventHandler(Steinberg::Linux::IEventHandler* handler) override;
    Steinberg::tresult PLUGIN_API
    registerTimer(Steinberg::Linux::ITimerHandler* handler,
                  Steinberg::Linux::TimerInterval milliseconds) override;
    Steinberg::tresult PLUGIN_API
    unregisterTimer(Steinberg::Linux::ITimerHandler* handler) override;

    /// Serves event handlers and timers for the given time.
    void pump(std::chrono::milliseconds duration);

    /// Shuts the run loop down: releases handlers and timers still registered.
    /// Plugins may keep one registered for their module's lifetime, holding a
    /// reference to this frame in turn; without this the two never die.
    void shutDown();

    [[nodiscard]] std::size_t eventHandlerCount() const noexcept { return eventHandlers_.size(); }
    [[nodiscard]] std::size_t timerCount() const noexcept { return timers_.size(); }
    [[nodiscard]] int resizeRequests() const noexcept { return resizeRequests_; }
    /// The size the last resizeView() asked for.
    [[nodiscard]] Steinberg::ViewRect lastRequestedSize() const noexcept { return lastRequest_; }

  private:
    using Clock = std::chrono::steady_clock;
    struct EventHandler {
        Steinberg::Linux::IEventHandler* handler;
        Steinberg::Linux::FileDescriptor fd;
    };
    struct Timer {
        Steinberg::Linux::ITimerHandler* handler;
        std::chrono::milliseconds interval;
        Clock::time_point due;
    };
    std::vector<EventHandler> eventHandlers_;
    std::vector<Timer> timers_;
    int resizeRequests_ = 0;
    Steinberg::ViewRect lastRequest_{};
};

}  // namespace vstkit::host
