"""DT's official python client (disruptive 1.7.3) against the emulator, unchanged: history, stream (across a
server close), the hosted emulator API, data connectors, claims. A manual compatibility check, not part of CI:

    dotnet out/emulator/IotAdmin.Emulator.dll --urls http://127.0.0.1:5399 --devices 100 --event-interval 2s \
        --credentials-file /tmp/emu.json &
    python3 tests/compat/dt_python_client.py http://127.0.0.1:5399 /tmp/emu.json /path/to/python-client

(needs the `requests` package; the client's source from github.com/disruptive-technologies/python-client).
"""
import json, sys, threading, time, urllib.request

base, credentials, client = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
sys.path.insert(0, client)
import disruptive as dt  # noqa: E402

cfg = json.load(open(credentials))["serviceAccount"]
dt.base_url = base + "/v2"
dt.emulator_base_url = base + "/emulator/v2"
auth = dt.Auth.service_account(cfg["keyId"], cfg["secret"], cfg["email"])
auth.token_endpoint = cfg["tokenEndpoint"]
dt.default_auth = auth
projects = dt.Project.list_projects()
p = projects[1].project_id
devs = dt.Device.list_devices(p, device_types=["temperature"])
d = devs[0].device_id
print("device reported temperature:", devs[0].reported.temperature.celsius if devs[0].reported.temperature else None)
evs = dt.EventHistory.list_events(d, p)
print("history:", len(evs), "events; newest", evs[0].event_type, evs[0].data.timestamp, "types", sorted({e.event_type for e in evs}))
tevs = dt.EventHistory.list_events(d, p, event_types=["temperature"])
print("temperature samples of newest:", len(tevs[0].data.samples), tevs[0].data.celsius)
# stream: read a few events, with pings (ping_interval 10s by default in PY)
got = []
def closer():
    time.sleep(1)
    print("server closed", json.load(urllib.request.urlopen(urllib.request.Request(base + "/_emulator/streams:close", data=b'{"mode":"error"}', method="POST")))["closed"], "stream(s)")
threading.Thread(target=closer, daemon=True).start()
for e in dt.Stream.event_stream(p, event_types=["temperature", "networkStatus"]):
    got.append((e.event_type, e.device_id))
    if len(got) >= 120: break
print("stream:", len(got), "events read across a server close")
# emulator API
emu = dt.Emulator.create_device(p, "temperature", display_name="py emu")
dt.Emulator.publish_event(emu.device_id, p, dt.events.Temperature(celsius=30.5))
time.sleep(1.2)  # the propagation delay of created devices
dev = dt.Device.get_device(emu.device_id, p)
print("emulated reported:", dev.reported.temperature.celsius, len(dev.reported.temperature.samples))
dc = dt.DataConnector.create_data_connector(p, dt.DataConnector.HttpPushConfig(url="http://127.0.0.1:9/hook", signature_secret="s3cret", headers={"X-A": "1"}), display_name="py", event_types=["temperature"])
print("data connector:", dc.data_connector_type, dc.status, dt.DataConnector.get_metrics(dc.data_connector_id, p).success_count)
dt.DataConnector.delete_data_connector(dc.data_connector_id, p)
info = json.load(urllib.request.urlopen(base + "/_emulator/inventory"))
kit = info["kits"][0]["kitId"]
ci = dt.Claim.claim_info(kit)
print("claim info:", ci.type, vars(ci.claimed_item).get("sensors_total_count", ""), len(ci.claimed_item.devices))
claimed, errors = dt.Claim.claim(p, kit_ids=[kit, "nosuchkit"], device_ids=[d], dry_run=True)
print("dry-run claim:", len(claimed), "devices,", [type(e).__name__ for e in errors])
dt.Emulator.delete_device(emu.device_id, p)
