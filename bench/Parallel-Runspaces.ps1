#Requires -Version 7.0
<#
.SYNOPSIS
    Issue 13's runspace figure: 8 runspaces of ForEach-Object -Parallel on one account, N requests each, against the
    emulator (its own process, 127.0.0.1) at 75 requests per 10 s times -Scale. Prints throughput and server 429s.
    Needs ./build.ps1 Build. Example: pwsh bench/Parallel-Runspaces.ps1 -Scale 1 -Requests 250
#>
param([int] $Runspaces = 8, [int] $Requests = 250, [int] $Scale = 10)

$root = Split-Path -Parent $PSScriptRoot
$manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
Import-Module (Join-Path $root 'tests/EmulatorProcess.psm1') -Force
Import-Module $manifest -Force
$limit = 75 * $Scale
$emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '20', '--projects', '2', '--rate-limit', "$limit", '--propagation-delay', '0'
try {
    $secret = ConvertTo-SecureString $emulator.Secret -AsPlainText -Force
    $s = Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $emulator.ApiRoot -RequestsPerWindow $limit -PassThru
    $projectId = (Get-IotProject -Session $s | Select-Object -Last 1).ProjectId
    Reset-IotEmulator -Emulator $emulator
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $null = 1..$Runspaces | ForEach-Object -Parallel {
        Import-Module $using:manifest
        foreach ($i in 1..$using:Requests) { $null = Get-IotProject -Session $using:s -ProjectId $using:projectId }
    } -ThrottleLimit $Runspaces
    $seconds = $clock.Elapsed.TotalSeconds
    $stats = Get-IotEmulatorStat -Emulator $emulator
    $total = $Runspaces * $Requests
    $budget = 7.5 * $Scale
    '== runspaces: {0} x {1} requests, one account, limit {2} / 10 s{3}' -f $Runspaces, $Requests, $limit, $(if ($Scale -eq 1) { ' (the real limit)' } else { " (the real limit x $Scale)" })
    '   {0} requests ({1} seen by the server) in {2:0.0} s = {3:0.00} requests/s = {4:P1} of the budget''s {5}/s; server 429s {6} = {7:P2}; learned budget {8}' -f $total, $stats.requests, $seconds, ($total / $seconds), ($total / $seconds / $budget), $budget, $stats.throttled, ($stats.throttled / $total), $s.RateLimitBudget
}
finally {
    Get-IotSession | ForEach-Object { Disconnect-IotAdmin -Session $_ }
    Stop-IotEmulator -Emulator $emulator
}
