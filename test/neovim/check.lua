-- The neovim tier's client (scripts/e2e/run-neovim.mjs starts it): headless Neovim 0.7 attaches the language server
-- to a Python file and a Spanish Markdown page, asks for hovers at known positions and for the diagnostics it
-- publishes, and prints what it got, one result per line, for the runner to check. It waits on conditions with
-- vim.wait and a predicate, never on a fixed delay. It uses the 0.7 API (vim.lsp.start_client and buf_attach_client);
-- vim.lsp.start, which the README shows, exists from 0.8.
local env = vim.env
local timeout = tonumber(env.TG_TIMEOUT_MS or '30000')

local function out(line)
  io.stdout:write(line:gsub('\n', '\\n') .. '\n')
end

local function fail(message)
  out('ERROR ' .. message)
  vim.cmd('cquit 1')
end

-- The diagnostics as the server sent them (UTF-16 positions, code, source), kept before Neovim converts them.
local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then published[result.uri] = result.diagnostics end
  return default_handler(err, result, ctx, config)
end

local client_id = vim.lsp.start_client({
  name = 'transformers-glossary',
  cmd = { env.TG_NODE, env.TG_SERVER, '--stdio' },
  root_dir = env.TG_ROOT,
  init_options = { transformersGlossary = { language = 'es' } },
  on_exit = function(code)
    if code ~= 0 then out('EXIT ' .. tostring(code)) end
  end,
})
if not client_id then fail('the server did not start') end

local function open(file, filetype)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = filetype
  vim.lsp.buf_attach_client(buf, client_id)
  return buf
end

local ok = vim.wait(timeout, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized == true
end, 20)
if not ok then fail('the server did not initialize within ' .. timeout .. ' ms') end
out('INITIALIZED ' .. vim.lsp.get_client_by_id(client_id).name)

local python = open(env.TG_PYTHON, 'python')
local markdown = open(env.TG_MARKDOWN, 'markdown')

--- The hover text at a 0-based line and UTF-16 column of a buffer, or 'none'.
local function hover(buf, line, character)
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = line, character = character } }
  local answers, err = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, timeout)
  if not answers then fail('hover: ' .. tostring(err)) end
  for _, answer in pairs(answers) do
    if answer.error then fail('hover error: ' .. vim.inspect(answer.error)) end
    if answer.result and answer.result.contents then return answer.result.contents.value end
  end
  return 'none'
end

-- The positions are given by the runner, which knows the fixture files.
out('HOVER python ' .. hover(python, tonumber(env.TG_PYTHON_LINE), tonumber(env.TG_PYTHON_COLUMN)))
out('HOVER markdown ' .. hover(markdown, tonumber(env.TG_MARKDOWN_LINE), tonumber(env.TG_MARKDOWN_COLUMN)))

-- The diagnostics of the Spanish page: the server publishes them after the document opens.
local expected = tonumber(env.TG_EXPECT_DIAGNOSTICS or '0')
if expected > 0 then
  local arrived = vim.wait(timeout, function()
    return #(published[vim.uri_from_bufnr(markdown)] or {}) >= expected
      and #vim.diagnostic.get(markdown) >= expected
  end, 20)
  if not arrived then out('DIAGNOSTICS-TIMEOUT') end
end
local markdown_uri = vim.uri_from_bufnr(markdown)
for _, d in ipairs(published[markdown_uri] or {}) do
  local s, e = d.range.start, d.range['end']
  out(string.format('DIAGNOSTIC %d:%d-%d:%d %s %s', s.line, s.character, e.line, e.character, tostring(d.code), d.message))
  -- The quick fixes the server offers for this diagnostic.
  local params = { textDocument = { uri = markdown_uri }, range = d.range, context = { diagnostics = { d } } }
  local answers = vim.lsp.buf_request_sync(markdown, 'textDocument/codeAction', params, timeout) or {}
  for _, answer in pairs(answers) do
    for _, action in ipairs(answer.result or {}) do
      out(string.format('ACTION %s %s', tostring(d.code), action.title))
    end
  end
end

vim.lsp.stop_client(client_id)
vim.wait(timeout, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
out('DONE')
vim.cmd('qall!')
