"""A manual check of the README's JupyterLab server spec (not a tier: it needs a Python environment with JupyterLab
and jupyter-lsp, which the test machines do not install).

Starts a Jupyter server with jupyter-lsp and the spec, then speaks LSP through jupyter-lsp's WebSocket as JupyterLab's
LSP client does (one JSON-RPC message per text frame) and asks for a hover in a notebook's virtual document: the code
cells of a notebook, joined into one Python document named by the notebook's path.

Usage: <venv>/bin/python test/jupyter/check_jupyter_lsp.py <repository> <node>
Prints STATUS, INITIALIZE and HOVER lines; HOVER must be the Spanish entry `**máscara de atención**`.
"""
import json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request
from tornado import ioloop, websocket

repo, node = sys.argv[1], sys.argv[2]
root = tempfile.mkdtemp(prefix="tg-jl-")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
config = {"LanguageServerManager": {"autodetect": False, "language_servers": {"transformers-glossary": {
    "version": 2, "display_name": "Transformers Glossary",
    "argv": [node, os.path.join(repo, "dist", "lsp.js"), "--stdio"],
    "languages": ["python", "markdown"], "mime_types": ["text/x-python", "text/x-ipython", "text/markdown"],
    "requires_documents_on_disk": False,
    "workspace_configuration": {"transformersGlossary": {"language": "es"}}}}}}
with open(os.path.join(root, "jupyter_server_config.json"), "w") as f: json.dump(config, f)
env = {**os.environ, "JUPYTER_CONFIG_DIR": root}
server = subprocess.Popen([os.path.join(os.path.dirname(sys.executable), "jupyter"), "server", "--no-browser", "--allow-root",
    f"--port={port}", "--IdentityProvider.token=", "--ServerApp.root_dir=" + root], env=env,
    stdout=subprocess.DEVNULL, stderr=open(os.path.join(root, "server.log"), "w"))
try:
    for _ in range(600):
        try:
            status = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/lsp/status"))
            if "transformers-glossary" in status.get("sessions", {}): break
        except Exception: pass
        time.sleep(0.1)  # Polls the server's status until the spec is listed (at most a minute).
    else: raise SystemExit("jupyter server did not list the language server")
    print("STATUS", status["sessions"]["transformers-glossary"]["status"])

    async def main():
        ws = await websocket.websocket_connect(f"ws://127.0.0.1:{port}/lsp/ws/transformers-glossary")
        async def request(id, method, params):
            await ws.write_message(json.dumps({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            while True:
                message = json.loads(await ws.read_message())
                if message.get("id") == id: return message
                if message.get("method") == "workspace/configuration":
                    await ws.write_message(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": [None]}))
        async def notify(method, params):
            await ws.write_message(json.dumps({"jsonrpc": "2.0", "method": method, "params": params}))
        # With requires_documents_on_disk false, JupyterLab names a notebook's code document by the notebook's path.
        uri = "file://" + root + "/Untitled.ipynb"
        init = await request(1, "initialize", {"processId": None, "rootUri": "file://" + root, "capabilities": {}})
        print("INITIALIZE", init["result"]["serverInfo"]["name"])
        await notify("initialized", {})
        await notify("workspace/didChangeConfiguration", {"settings": config["LanguageServerManager"]["language_servers"]["transformers-glossary"]["workspace_configuration"]})
        await notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
            "text": "batch = tokenizer(texts, padding=True)\n\n\nbatch[\"attention_mask\"]\n"}})
        hover = await request(2, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 10}})
        print("HOVER", hover["result"]["contents"]["value"].split("\n")[0])
        await request(3, "shutdown", None)
    ioloop.IOLoop.current().run_sync(main, timeout=60)
finally:
    server.terminate(); server.wait(timeout=30)
    shutil.rmtree(root, ignore_errors=True)
