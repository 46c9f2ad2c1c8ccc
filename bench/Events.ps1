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

    # Publish -> Watch-IotEvent output: a thread job publishes (stamping each publish), the watch here stamps each
    # event as it leaves the cmdlet. The fleet's own heartbeats pass too; only published ids are counted.
    $session = Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $emulator.ApiRoot -PassThru
    $device = Get-IotDevice -Session $session -DeviceType temperature | Where-Object { -not $_.IsEmulated } | Select-Object -First 1
    $body = @{ deviceId = $device.DeviceId; eventType = 'temperature'; data = @{ value = 21.5 } } | ConvertTo-Json
    $publisher = Start-ThreadJob -ScriptBlock {
        param($uri, $body, $count)
        Start-Sleep -Seconds 2
        for ($i = 0; $i -lt $count; $i++) {
            $at = [datetime]::UtcNow
            $e = Invoke-RestMethod -Method Post -Uri $uri -Body $body -ContentType 'application/json'
            [pscustomobject]@{ EventId = $e.eventId; At = $at }
            Start-Sleep -Milliseconds 100
        }
    } -ArgumentList ($emulator.BaseUri.TrimEnd('/') + '/_emulator/events'), $body, $Publishes
    $seen = @(Watch-IotEvent -Session $session -ProjectId $device.ProjectId -DeviceId $device.DeviceId -EventType temperature -Timeout (New-TimeSpan -Seconds (4 + $Publishes / 5)) |
        ForEach-Object { [pscustomobject]@{ EventId = $_.EventId; Seen = [datetime]::UtcNow } })
    $sent = @{}
    $publisher | Wait-Job | Receive-Job | ForEach-Object { $sent[$_.EventId] = $_.At }
    $publisher | Remove-Job -Force
    $latencies = @($seen | Where-Object { $sent.ContainsKey($_.EventId) } | ForEach-Object { ($_.Seen - $sent[$_.EventId]).TotalMilliseconds } | Sort-Object)
    if ($latencies.Count) { 'publish -> Watch-IotEvent output: median {0:N1} ms, max {1:N1} ms ({2} events)' -f $latencies[[int]($latencies.Count / 2)], $latencies[-1], $latencies.Count }
}
finally {
    Stop-IotEmulator -Emulator $emulator
}
