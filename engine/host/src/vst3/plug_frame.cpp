#include "plug_frame.h"

#include <poll.h>

#include <algorithm>

namespace vstkit::host {

using namespace Steinberg;

PlugFrame& PlugFrame::hostRunLoop() {
    static PlugFrame* const frame = new PlugFrame;  // The static holds one reference for good.
    return *frame;
}

tresult PLUGIN_API PlugFrame::resizeView(IPlugView* view, ViewRect* newSize) {
    ++resizeRequests_;
    if (view == nullptr || newSize == nullptr) {
        return kInvalidArgument;
    }
    lastRequest_ = *newSize;
    return view->onSize(newSize);
}

tresult PLUGIN_API PlugFrame::registerEventHandler(Linux::IEventHandler* handler,
                                                   Linux::FileDescriptor fd) {
    if (handler == nullptr) {
        return kInvalidArgument;
    }
    handler->addRef();
    eventHandlers_.push_back({handler, fd});
    return kResultOk;
}

tresult PLUGIN_API PlugFrame::unregisterEventHandler(Linux::IEventHandler* handler) {
    const auto removed = std::remove_if(eventHandlers_.begin(), eventHandlers_.end(),
                                        [&](const EventHandler& entry) {
                                            if (entry.handler != handler) {
                                                return false;
                                            }
                                            entry.handler->release();
                                            return true;
                                        });
    const bool found = removed != eventHandlers_.end();
    eventHandlers_.erase(removed, eventHandlers_.end());
    return found ? kResultOk : kInvalidArgument;
}

tresult PLUGIN_API PlugFrame::registerTimer(Linux::ITimerHandler* handler,
                                            Linux::TimerInterval milliseconds) {
    if (handler == nullptr || milliseconds == 0) {
        return kInvalidArgument;
    }
    handler->addRef();
    const std::chrono::milliseconds interval{milliseconds};
    timers_.push_back({handler, interval, Clock::now() + interval});
    return kResultOk;
}

tresult PLUGIN_API PlugFrame::unregisterTimer(Linux::ITimerHandler* handler) {
    const auto removed = std::remove_if(timers_.begin(), timers_.end(), [&](const Timer& entry) {
        if (entry.handler != handler) {
            return false;
        }
        entry.handler->release();
        return true;
    });
    const bool found = removed != timers_.end();
    timers_.erase(removed, timers_.end());
    return found ? kResultOk : kInvalidArgument;
}

void PlugFrame::shutDown() {
    const auto handlers = std::move(eventHandlers_);
    const auto timers = std::move(timers_);
    eventHandlers_.clear();
    timers_.clear();
    for (const auto& entry : handlers) {
        entry.handler->release();
    }
    for (const auto& entry : timers) {
        entry.handler->release();
    }
}

void PlugFrame::pump(std::chrono::milliseconds duration) {
    const auto end = Clock::now() + duration;
    while (true) {
        const auto now = Clock::now();
        if (now >= end) {
            return;
        }
        auto wakeAt = end;
        for (const auto& timer : timers_) {
            wakeAt = std::min(wakeAt, timer.due);
        }
        std::vector<pollfd> watched;
        for (const auto& entry : eventHandlers_) {
            watched.push_back({entry.fd, POLLIN, 0});
        }
        const auto waitMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(wakeAt - now).count();
        poll(watched.data(), watched.size(), static_cast<int>(std::max<long long>(waitMs, 0)));
        // Handlers may (un)register others while called: work on copies that
        // hold their own references.
        const auto handlers = eventHandlers_;
        for (const auto& entry : handlers) {
            entry.handler->addRef();
        }
        for (std::size_t i = 0; i < watched.size() && i < handlers.size(); ++i) {
            if ((watched[i].revents & POLLIN) != 0) {
                handlers[i].handler->onFDIsSet(handlers[i].fd);
            }
        }
        for (const auto& entry : handlers) {
            entry.handler->release();
        }
        const auto afterEvents = Clock::now();
        const auto timers = timers_;
        for (const auto& timer : timers) {
            timer.handler->addRef();
        }
        for (const auto& timer : timers) {
            if (timer.due <= afterEvents) {
                timer.handler->onTimer();
                for (auto& live : timers_) {
                    if (live.handler == timer.handler) {
                        live.due = afterEvents + live.interval;
                    }
                }
            }
        }
        for (const auto& timer : timers) {
            timer.handler->release();
        }
    }
}

}  // namespace vstkit::host
