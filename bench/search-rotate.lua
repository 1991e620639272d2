-- wrk script: /api/search requests rotating through a corpus's queries.tsv, so
-- that no single cached answer flatters the figures.
--
-- Usage (from bench/run.sh):
--   wrk -t2 -c32 -d10s --latency -s bench/search-rotate.lua http://127.0.0.1:PORT -- DIR/queries.tsv
--
-- Every row of queries.tsv (lang, query, ...; header line skipped) becomes
--   GET /api/search?q=<query, percent-encoded UTF-8>&lang=<the row's lang>
-- Each wrk thread starts at a different offset and walks the list in order.

local paths = {}
local counter = 0
local nthreads = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function setup(thread)
  nthreads = nthreads + 1
  thread:set("tid", nthreads)
end

function init(args)
  local file = args[1]
  if not file then error("search-rotate.lua: pass the queries.tsv path after --") end
  local header = true
  for line in io.lines(file) do
    if header then
      header = false
    else
      local lang, q = line:match("^([^\t]*)\t([^\t]*)")
      if lang and q and q ~= "" then
        paths[#paths + 1] = "/api/search?q=" .. urlencode(q) .. "&lang=" .. urlencode(lang)
      end
    end
  end
  if #paths == 0 then error("search-rotate.lua: no queries in " .. file) end
  -- spread the threads over the list (tid is set by setup() above)
  counter = ((tid or 1) - 1) * 37 % #paths
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
