-- wrk script for scripts/scale-out-test.sh: rotates through the paths given
-- after `--`, counts answers by status, and prints one machine-readable line:
--   scaleout_wrk requests=N failed_status=N connect=N read=N write=N timeout=N statuses=200:N,...
-- (failed_status = answers that were not 2xx/3xx, as wrk counts them).

local paths = {}
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

function init(args)
  for _, p in ipairs(args) do paths[#paths + 1] = p end
  if #paths == 0 then error("scale-out.lua: pass the paths after --") end
  i = (tid or 1) - 1
  codes = {}
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    local c = t:get("codes") or {}
    for k, v in pairs(c) do all[k] = (all[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(all) do parts[#parts + 1] = k .. ":" .. v end
  table.sort(parts)
  local e = summary.errors
  io.write(string.format(
    "scaleout_wrk requests=%d failed_status=%d connect=%d read=%d write=%d timeout=%d statuses=%s\n",
    summary.requests, e.status, e.connect, e.read, e.write, e.timeout, table.concat(parts, ",")))
end
