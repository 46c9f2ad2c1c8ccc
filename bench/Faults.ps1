# The figures of issue 12 ("When things go wrong"), printed, never asserted:
#   1. time to the error of Connect-IotAdmin for a refused port, an unresolvable host (.invalid) and a wrong API root;
#   2. peak working set of Get-IotDevice into a consumer that sleeps -SleepMs per object, above the idle process;
#   3. a label run of -Devices devices whose API disappears (the emulator is stopped) after -StopAfterSec seconds.
# Run: dotnet pwsh -NoProfile -File bench/Faults.ps1   (needs ./build.ps1 Build first)
param([ValidateSet('connect', 'memory', 'run')] [string[]] $Only = @('connect', 'memory', 'run'), [int] $Devices = 20000, [int] $Consume = 3000, [int] $SleepMs = 20, [int] $StopAfterSec = 5, [int] $BatchSize = 100, [string] $ModuleRoot)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
if (-not $ModuleRoot) { $ModuleRoot = Join-Path $root 'out' }
Import-Module (Join-Path $root 'tests/EmulatorProcess.psm1') -Force
Import-Module (Join-Path $ModuleRoot 'IotAdmin/IotAdmin.psd1') -Force
$emulatorDll = Join-Path $ModuleRoot 'emulator/IotAdmin.Emulator.dll'
$emulator = Start-IotEmulator -EmulatorPath $emulatorDll -ArgumentList '--devices', "$Devices", '--projects', '1', '--rate-limit', '0', '--propagation-delay', '0'
$secret = ConvertTo-SecureString $emulator.Secret -AsPlainText -Force
function Connect-To([string] $Endpoint, [string] $TokenEndpoint) {
    $extra = @{}
    if ($TokenEndpoint) { $extra.TokenEndpoint = $TokenEndpoint }
    Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $Endpoint @extra
}
try {
    Connect-To $emulator.ApiRoot # warm-up: the module's code is compiled before anything is timed

    # 1. Time to the error.
    if ($Only -contains 'connect') {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $cases = [ordered]@{
        "refused port (127.0.0.1:$port)" = { Connect-To "http://127.0.0.1:$port/v2" }
        'unresolvable host (iotadmin-bench.invalid)' = { Connect-To 'https://iotadmin-bench.invalid/v2' }
        'wrong API root (/api/v2 on the emulator)' = { Connect-To "$($emulator.BaseUri)/api" $emulator.TokenEndpoint }
    }
    foreach ($case in $cases.GetEnumerator()) {
        $id = $null
        $time = Measure-Command { try { & $case.Value } catch { $id = $_.FullyQualifiedErrorId } }
        '{0,-48} {1,6:0.00} s  {2}' -f $case.Key, $time.TotalSeconds, $id
    }
    }

    # 2. Memory of a listing into a slow consumer.
    Connect-To $emulator.ApiRoot
    if ($Only -contains 'memory') {
    $null = Get-IotDevice | Select-Object -First 10
    [GC]::Collect(); [GC]::WaitForPendingFinalizers()
    $self = Get-Process -Id $PID
    $self.Refresh(); $idle = $self.WorkingSet64; $idlePeak = $self.PeakWorkingSet64
    $peak = 0L; $n = 0
    $elapsed = Measure-Command {
        Get-IotDevice | Select-Object -First $Consume | ForEach-Object {
            Start-Sleep -Milliseconds $SleepMs
            if ((++$n % 100) -eq 0) { $self.Refresh(); if ($self.WorkingSet64 -gt $peak) { $peak = $self.WorkingSet64 } }
        }
    }
    $self.Refresh()
    '{0} of {1} devices consumed at {2} ms each in {3:0} s: working set idle {4:0} MB, highest sampled {5:0} MB (+{6:0} MB); process peak {7:0} MB (idle peak {8:0} MB)' -f `
        $n, $Devices, $SleepMs, $elapsed.TotalSeconds, ($idle / 1MB), ($peak / 1MB), (($peak - $idle) / 1MB), ($self.PeakWorkingSet64 / 1MB), ($idlePeak / 1MB)
    }

    # 3. A label run whose API disappears.
    if ($Only -contains 'run') {
    $all = @(Get-IotDevice)
    $killer = Start-Process -FilePath 'sh' -ArgumentList "-c `"sleep $StopAfterSec; kill -TERM $($emulator.Process.Id)`"" -PassThru
    $started = [DateTime]::UtcNow
    $stoppedAt = $null; $failed = $null; $info = $null
    try { $all | Set-IotLabel -Label @{ bench = 'gone' } -BatchSize $BatchSize -ErrorVariable failed -ErrorAction SilentlyContinue -InformationVariable info } catch { $stoppedAt = $_ }
    $took = ([DateTime]::UtcNow - $started).TotalSeconds
    $summary = @($info | Where-Object { $_.Tags -contains 'Summary' })[0].MessageData
    '{0} devices, batches of {1}, API stopped after {2} s: the command ended after {3:0.0} s ({4:0.0} s after the API went away)' -f $all.Count, $BatchSize, $StopAfterSec, $took, ($took - $StopAfterSec)
    '  summary: {0}; accounted for: {1} of {2}' -f $summary, ($summary.Succeeded + $summary.Failed + $summary.NotReached), $all.Count
    '  terminating error: {0}' -f $stoppedAt.FullyQualifiedErrorId
    '  non-terminating errors: {0} (each naming its device)' -f @($failed).Count
    $null = $killer.WaitForExit(10000)
    }
}
finally {
    Get-IotSession | ForEach-Object { Disconnect-IotAdmin -Session $_ }
    Stop-IotEmulator -Emulator $emulator
}
