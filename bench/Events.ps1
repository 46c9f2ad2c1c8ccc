# Get-IotEvent read rate (events/s) with the default client-side limiter and without it, and the latency from a
# control-API publish to Watch-IotEvent's output. Prints figures; asserts nothing.
# Run: dotnet pwsh -NoProfile -File bench/Events.ps1   (needs ./build.ps1 Build first)
param([int] $Rounds = 3, [int] $Publishes = 20)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'tests/EmulatorProcess.psm1') -Force
Import-Module (Join-Path $root 'out/IotAdmin/IotAdmin.psd1') -Force
# 15 s heartbeat, 25 h woken: ~6,000+ events per temperature sensor. The server's rate limit is off; only the client's differs.
$emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '12', '--projects', '1', '--rate-limit', '0', '--propagation-delay', '0', '--event-interval', '15s', '--event-history', '25h', '--history-size', '20000'
try {
    $secret = ConvertTo-SecureString $emulator.Secret -AsPlainText -Force
    foreach ($limit in @(@{ Name = 'default limiter (75 / 10 s)'; Args = @{} }, @{ Name = 'no client limiter'; Args = @{ RequestsPerWindow = 0 } })) {
        $args = $limit.Args
        $session = Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $emulator.ApiRoot -PassThru @args
        $devices = @(Get-IotDevice -Session $session | Where-Object { -not $_.IsEmulated })
        $null = $devices | Select-Object -First 1 | Get-IotEvent -Session $session -Last 1h   # warm-up (the fleet wakes)
        $best = 0
        for ($r = 0; $r -lt $Rounds; $r++) {
            $n = 0
            $t = [System.Diagnostics.Stopwatch]::StartNew()
            $devices | Get-IotEvent -Session $session | ForEach-Object { $n++ }
            $rate = $n / $t.Elapsed.TotalSeconds
            if ($rate -gt $best) { $best = $rate; $count = $n }
        }
        '{0}: {1:N0} events/s ({2:N0} events of {3} devices, best of {4})' -f $limit.Name, $best, $count, $devices.Count, $Rounds
        Disconnect-IotAdmin -Session $session
    }

    # Publish -> Watch-IotEvent output: the watch runs in a runspace of its own and stamps each event as it leaves.
    $session = Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $emulator.ApiRoot -PassThru
    $device = Get-IotDevice -Session $session -DeviceType touch | Select-Object -First 1
    $watcher = Start-ThreadJob -ScriptBlock {
        param($session, $project, $device, $count)
        Watch-IotEvent -Session $session -ProjectId $project -DeviceId $device -EventType touch -Count $count -Timeout 2m |
            ForEach-Object { [pscustomobject]@{ EventId = $_.EventId; Seen = [datetime]::UtcNow } }
    } -ArgumentList $session, $device.ProjectId, $device.DeviceId, $Publishes
    Start-Sleep -Seconds 2
    $sent = @{}
    $body = @{ deviceId = $device.DeviceId; eventType = 'touch' } | ConvertTo-Json
    for ($i = 0; $i -lt $Publishes; $i++) {
        $at = [datetime]::UtcNow
        $e = Invoke-RestMethod -Method Post -Uri ($emulator.BaseUri.TrimEnd('/') + '/_emulator/events') -Body $body -ContentType 'application/json'
        $sent[$e.eventId] = $at
        Start-Sleep -Milliseconds 100
    }
    $seen = @($watcher | Wait-Job -Timeout 60 | Receive-Job)
    $watcher | Remove-Job -Force
    $latencies = @($seen | Where-Object { $sent.ContainsKey($_.EventId) } | ForEach-Object { ($_.Seen - $sent[$_.EventId]).TotalMilliseconds } | Sort-Object)
    if ($latencies.Count) { 'publish -> Watch-IotEvent output: median {0:N1} ms, max {1:N1} ms ({2} events)' -f $latencies[[int]($latencies.Count / 2)], $latencies[-1], $latencies.Count }
}
finally {
    Stop-IotEmulator -Emulator $emulator
}
