-- Phase 4 (automate): reloads the session and first checks that Gain reads
-- back -6 dB (phase 3's value survived save, close and reload). Then writes
-- an automation lane on Gain: 0 dB for the first second, -12 dB for the
-- second, switches it to Play, exports 0..2 s, saves and closes.
--
-- Environment: VSTKIT_LUA_DIR, VSTKIT_SESSION_DIR, VSTKIT_SESSION_NAME,
-- VSTKIT_SOURCE_SAMPLES, VSTKIT_EXPORT_DIR.

local C = dofile(os.getenv("VSTKIT_LUA_DIR") .. "/common.lua")
local PHASE = "automate"

C.open_session(PHASE)
local proc = C.find_plugin(PHASE, C.find_track(PHASE))
local gain, cid = C.find_control(PHASE, proc, C.GAIN_LABEL)

-- 1. The saved value: both the host's control and the plugin's own
--    parameter (ARDOUR.LuaAPI.get_processor_param asks the plugin).
local control_db = gain:get_value()
local plugin_value, refs = ARDOUR.LuaAPI.get_processor_param(proc, C.lua_api_index(PHASE, proc, cid), false)
if not refs[3] then C.fail(PHASE, "get_processor_param failed") end -- refs = {proc, index, ok}
local plugin_db = plugin_value
C.report(PHASE, string.format("readback Gain control=%.4f dB plugin=%.4f dB", control_db, plugin_db))
if math.abs(control_db + 6.0) > 0.01 or math.abs(plugin_db + 6.0) > 0.01 then
  C.fail(PHASE, "Gain did not survive save/close/reload as -6 dB")
end
print("READBACK_OK -6dB")

-- 2. The automation lane. Points are given in samples but Ardour stores
--    plugin automation in musical time (BeatTime, 1920 ticks per beat, i.e.
--    one tick = 12.5 samples at 120 bpm / 48 kHz), so two points one sample
--    apart collapse into one. The hold point therefore sits 1 ms before the
--    step at 1 s: a 1 ms ramp from 0 dB to -12 dB, then -12 dB to the end.
--    Ardour hands VST3 automation to the plugin as points with sample
--    offsets, the last one at the end of the block; VstKit (JUCE 7's VST3
--    wrapper) applies only that last point, at the start of the block. So
--    the audible step begins at the block boundary before 1 s (0.939 s at
--    4096 samples per block), then the plugin's 20 ms smoothing; the driver's
--    measurement windows stay clear of that.
local rate = Session:nominal_sample_rate()
local samples = math.tointeger(tonumber(C.env("VSTKIT_SOURCE_SAMPLES")))
local al = gain:alist()
local cl = al:list()
local v0, v12 = 0.0, -12.0
cl:clear_list()
--           when (samples)                         value  guards initial
cl:add(Temporal.timepos_t(0),                      v0,    false, false)
cl:add(Temporal.timepos_t(rate - rate // 1000),    v0,    false, false)
cl:add(Temporal.timepos_t(rate),                   v12,   false, false)
cl:add(Temporal.timepos_t(samples),                v12,   false, false)
gain:set_automation_state(ARDOUR.AutoState.Play)
C.report(PHASE, string.format("automation lane: %d points, state %s, 0.5 s -> %.3f dB, 1.5 s -> %.3f dB",
  cl:size(), tostring(gain:automation_state()),
  cl:eval(Temporal.timepos_t(rate // 2)),
  cl:eval(Temporal.timepos_t(rate + rate // 2))))
if gain:automation_state() ~= ARDOUR.AutoState.Play then C.fail(PHASE, "automation state is not Play") end
if cl:size() ~= 4 then C.fail(PHASE, "automation lane has " .. cl:size() .. " points, expected 4") end
ARDOUR.LuaAPI.wait_for_process_callback(4, 1000)
sleep(0.3)

C.export(PHASE, "automation")
C.save_and_close(PHASE)
print("PHASE automate OK")
