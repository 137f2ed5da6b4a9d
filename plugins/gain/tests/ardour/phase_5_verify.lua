-- Phase 5 (verify): reloads the session once more and checks that the Gain
-- automation lane survived: state Play, the four points written by phase 4
-- (0 dB up to 1 s, -12 dB from 1 s to 2 s). No export.
--
-- Environment: VSTKIT_LUA_DIR, VSTKIT_SESSION_DIR, VSTKIT_SESSION_NAME.

local C = dofile(os.getenv("VSTKIT_LUA_DIR") .. "/common.lua")
local PHASE = "verify"

C.open_session(PHASE)
local proc = C.find_plugin(PHASE, C.find_track(PHASE))
local gain = C.find_control(PHASE, proc, C.GAIN_LABEL)
local rate = Session:nominal_sample_rate()
local cl = gain:alist():list()

local state = gain:automation_state()
C.report(PHASE, "automation state " .. tostring(state) .. " (Play = " .. tostring(ARDOUR.AutoState.Play) .. "), "
  .. cl:size() .. " events")
for ev in cl:events():iter() do
  C.report(PHASE, string.format("  event at %d samples: %.4f dB", ev.when:samples(), ev.value))
end
if state ~= ARDOUR.AutoState.Play then C.fail(PHASE, "automation state is not Play after reload") end
if cl:size() == 0 then C.fail(PHASE, "automation lane is empty after reload") end

local first = cl:eval(Temporal.timepos_t(rate // 2))
local second = cl:eval(Temporal.timepos_t(rate + rate // 2))
C.report(PHASE, string.format("lane at 0.5 s = %.3f dB, at 1.5 s = %.3f dB", first, second))
if math.abs(first) > 0.01 or math.abs(second + 12.0) > 0.01 then
  C.fail(PHASE, "automation lane values changed after reload")
end

close_session()
print("PHASE verify OK")
