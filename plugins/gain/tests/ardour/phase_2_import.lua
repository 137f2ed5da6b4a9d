-- Phase 2 (import + 0 dB export): puts the source WAV on the track as a
-- region at position 0, loads the session, checks the region and the 0 dB
-- Gain, exports 0..2 s, saves and closes.
--
-- Why the session file is edited: Ardour 7.3's Lua bindings have no way to
-- import audio headlessly (Session::import_files and SourceFactory are not
-- bound; Editor:do_import exists only in the GUI). So, before loading, this
-- phase adds to the saved .ardour file exactly what an "embed" import would
-- have written: one external Source per channel (origin = absolute path of
-- the WAV, flags="" so Ardour never writes to or deletes it), a whole-file
-- region in <Regions> and a region on the track's playlist at position 0.
-- Loading then goes through Ardour's normal source/region/playlist code,
-- and the checks below confirm the region really is there.
--
-- Environment: VSTKIT_LUA_DIR, VSTKIT_SESSION_DIR, VSTKIT_SESSION_NAME,
-- VSTKIT_SOURCE_WAV, VSTKIT_SOURCE_SAMPLES, VSTKIT_EXPORT_DIR, and
-- VSTKIT_FIXTURE_EXPORT for a fixture session (see the end).

local C = dofile(os.getenv("VSTKIT_LUA_DIR") .. "/common.lua")
local PHASE = "import"

local session_file = C.env("VSTKIT_SESSION_DIR") .. "/" .. C.env("VSTKIT_SESSION_NAME") .. ".ardour"
local wav = C.env("VSTKIT_SOURCE_WAV")
local samples = math.tointeger(tonumber(C.env("VSTKIT_SOURCE_SAMPLES")))
local rate = 48000 -- the session and the WAV are both 48 kHz
local channels = 2

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  return text
end

local function write_file(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

local function xml_escape(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

-- Replaces exactly one occurrence of a plain (non-pattern) string.
local function replace_once(text, old, new, what)
  local a, b = text:find(old, 1, true)
  if not a then C.fail(PHASE, "session file has no " .. what) end
  if text:find(old, b + 1, true) then C.fail(PHASE, "session file has more than one " .. what) end
  return text:sub(1, a - 1) .. new .. text:sub(b + 1)
end

---------------------------------------------------------------------------
-- 1. Edit the saved session file.
local xml = read_file(session_file)

-- Ardour 7 stores times as superclock ticks ("a<ticks>"); the rate is in the
-- tempo map. Object IDs come from the session's id-counter.
local scps = math.tointeger(tonumber(xml:match('superclocks%-per%-second="(%d+)"')))
local id_counter = math.tointeger(tonumber(xml:match('<Session [^>]*id%-counter="(%d+)"')))
if not scps or not id_counter then C.fail(PHASE, "cannot read superclock rate / id-counter") end
local length_sc = samples * scps // rate
local track_playlist = xml:match('<Route [^>]*name="' .. C.TRACK_NAME .. '"[^>]*audio%-playlist="(%d+)"')
if not track_playlist then C.fail(PHASE, "cannot find the track's playlist id") end

local src_ids, next_id = {}, id_counter
for ch = 0, channels - 1 do src_ids[ch] = next_id; next_id = next_id + 1 end
local whole_region_id = next_id; next_id = next_id + 1
local track_region_id = next_id; next_id = next_id + 1

local wav_name = wav:match("([^/]+)$")
local region_base = wav_name:gsub("%.[^.]*$", "")

local sources = {}
for ch = 0, channels - 1 do
  sources[#sources + 1] = string.format(
    '    <Source name="%s" type="audio" flags="" id="%d" take-id="" channel="%d" origin="%s" gain="1"/>\n',
    xml_escape(wav_name), src_ids[ch], ch, xml_escape(wav))
end

local function region_xml(id, name, whole_file)
  local refs = {}
  for ch = 0, channels - 1 do
    refs[#refs + 1] = string.format('source-%d="%d" master-source-%d="%d"', ch, src_ids[ch], ch, src_ids[ch])
  end
  return string.format(
    '<Region name="%s" id="%d" type="audio" channels="%d" start="a0" length="a%d@a0" '
      .. 'whole-file="%d" import="1" external="1" muted="0" opaque="1" hidden="0" '
      .. 'scale-amplitude="1" first-edit="nothing" %s/>',
    xml_escape(name), id, channels, length_sc, whole_file, table.concat(refs, " "))
end

xml = replace_once(xml, "<Sources/>", "<Sources>\n" .. table.concat(sources) .. "  </Sources>", "empty <Sources/>")
xml = replace_once(xml, "<Regions/>",
  "<Regions>\n    " .. region_xml(whole_region_id, region_base, 1) .. "\n  </Regions>", "empty <Regions/>")
local playlist_open = xml:match('<Playlist id="' .. track_playlist .. '"[^>]*/>')
if not playlist_open then C.fail(PHASE, "track playlist " .. track_playlist .. " is not an empty <Playlist/>") end
xml = replace_once(xml, playlist_open,
  playlist_open:sub(1, -3) .. ">\n      " .. region_xml(track_region_id, region_base .. ".1", 0) .. "\n    </Playlist>",
  "track playlist")
xml = replace_once(xml, 'id-counter="' .. id_counter .. '"', 'id-counter="' .. next_id .. '"', "id-counter")
write_file(session_file, xml)
C.report(PHASE, string.format("session file: added %d sources of %s, region %d samples (%d superclocks)",
  channels, wav, samples, length_sc))

---------------------------------------------------------------------------
-- 2. Load the session and check that Ardour sees the region.
C.open_session(PHASE)
local track = C.find_track(PHASE)
local playlist = track:playlist()
local region, n_regions = nil, 0
for r in playlist:region_list():iter() do region = r; n_regions = n_regions + 1 end
if n_regions ~= 1 then C.fail(PHASE, "track playlist has " .. n_regions .. " regions, expected 1") end
local ar = region:to_audioregion()
C.report(PHASE, string.format("region '%s' position=%d length=%d channels=%d source=%s",
  region:name(), region:position():samples(), region:length():samples(), ar:n_channels(),
  region:source(0):to_filesource():path()))
if region:position():samples() ~= 0 then C.fail(PHASE, "region is not at position 0") end
if region:length():samples() ~= samples then C.fail(PHASE, "region length differs from the WAV") end
if ar:n_channels() ~= channels then C.fail(PHASE, "region is not stereo") end
if region:source(0):to_filesource():path() ~= wav then C.fail(PHASE, "region does not read the source WAV") end
-- A missing file would be replaced by a silent source; peak must be > 0.
local peak = ar:maximum_amplitude(nil)
C.report(PHASE, string.format("region peak %.4f (%.2f dBFS)", peak, 20 * math.log(peak, 10)))
if not (peak > 0.001) then C.fail(PHASE, "region is silent") end

---------------------------------------------------------------------------
-- A saved fixture session (VSTKIT_FIXTURE_EXPORT names the export): export
-- it with whatever Gain it was saved with, and leave it as it was.
local fixture_export = os.getenv("VSTKIT_FIXTURE_EXPORT")
if fixture_export then
  C.find_plugin(PHASE, track)
  C.export(PHASE, fixture_export)
  close_session()
  print("PHASE import OK")
  return
end

---------------------------------------------------------------------------
-- 3. Gain must be 0 dB (as phase 1 left it); export, save, close.
local gain = C.find_control(PHASE, C.find_plugin(PHASE, track), C.GAIN_LABEL)
C.set_gain_db(PHASE, gain, 0.0)
C.export(PHASE, "gain_0db")
C.save_and_close(PHASE)
print("PHASE import OK")
