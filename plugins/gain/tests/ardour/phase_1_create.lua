-- Phase 1 (create): new 48 kHz session with one stereo audio track carrying
-- the VstKit plugin, Gain at 0 dB. Saved and closed; no export here.
--
-- The audio region is added by phase 2: Ardour 7.3 has no headless import
-- (the import API lives in the GUI's Editor), so phase 2 writes the region
-- into the saved session file before loading it.
--
-- Environment: VSTKIT_LUA_DIR, VSTKIT_SESSION_DIR, VSTKIT_SESSION_NAME.

local C = dofile(os.getenv("VSTKIT_LUA_DIR") .. "/common.lua")
local PHASE = "create"

C.use_dummy_backend()
local rate = 48000
if not create_session(C.env("VSTKIT_SESSION_DIR"), C.env("VSTKIT_SESSION_NAME"), rate) then
  C.fail(PHASE, "create_session failed")
end
C.report(PHASE, "created session at " .. Session:nominal_sample_rate() .. " Hz, "
  .. Session:get_block_size() .. " samples per cycle")
if Session:get_block_size() ~= C.BLOCK_SIZE then C.fail(PHASE, "engine did not take the block size") end

-- One stereo track (2 in, 2 out), normal mode, strict I/O.
local tracks = Session:new_audio_track(2, 2, nil, 1, C.TRACK_NAME,
  ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true)
if tracks:size() ~= 1 then C.fail(PHASE, "new_audio_track made " .. tracks:size() .. " tracks") end
local track = tracks:front()
-- Ardour may number a new track ("VstKit Track 1"); use one fixed name.
track:set_name(C.TRACK_NAME)
C.report(PHASE, "track '" .. track:name() .. "'")

-- Walk the plugin list once: VstKit must be there, stereo, in the format under test.
local found = false
for info in ARDOUR.LuaAPI.list_plugins():iter() do
  if info.name == C.PLUGIN_NAME and info.type == C.plugin_type() then
    found = true
    C.report(PHASE, string.format("plugin list: %s (%s) id=%s inputs=%d outputs=%d",
      info.name, C.PLUGIN_FORMAT, info.unique_id, info.n_inputs:n_audio(), info.n_outputs:n_audio()))
    if info.n_inputs:n_audio() ~= 2 or info.n_outputs:n_audio() ~= 2 then
      C.fail(PHASE, "VstKit is not 2 in / 2 out")
    end
  end
end
if not found then C.fail(PHASE, "VstKit (" .. C.PLUGIN_FORMAT .. ") not in ARDOUR.LuaAPI.list_plugins()") end

local proc = ARDOUR.LuaAPI.new_plugin(Session, C.plugin_id(), C.plugin_type(), "")
if proc:isnil() then C.fail(PHASE, "new_plugin returned nil") end
-- Insert at the top of the track's processor box (pre-fader).
if track:add_processor_by_index(proc, 0, nil, true) ~= 0 then
  C.fail(PHASE, "add_processor_by_index failed")
end
C.report(PHASE, "added plugin " .. proc:name())

local gain = C.find_control(PHASE, C.find_plugin(PHASE, track), C.GAIN_LABEL)
local d = gain:desc()
C.report(PHASE, string.format("Gain descriptor lower=%g upper=%g normal=%g", d.lower, d.upper, d.normal))
C.set_gain_db(PHASE, gain, 0.0)

C.save_and_close(PHASE)
print("PHASE create OK")
