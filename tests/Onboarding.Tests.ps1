#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Issue 17 through the real cmdlets: claims from a CSV (dry run, then for real, then a re-run) and the emulated-sensor
# round trip, against the emulator in its own process on 127.0.0.1 (random free port). Needs ./build.ps1 Build.

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built ($manifest). Run ./build.ps1 Build first." }
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    Import-Module $manifest -Force
    $script:emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '100', '--projects', '3', '--rate-limit', '0', '--propagation-delay', '0', '--kits', '4'
    $script:session = Connect-IotAdmin -CredentialsFile $emulator.CredentialsFile -Endpoint $emulator.ApiRoot -PassThru
    $script:project = (Get-IotProject | Where-Object { -not $_.IsInventory })[0].ProjectId

    function Get-Inventory { Invoke-RestMethod ($emulator.BaseUri.TrimEnd('/') + '/_emulator/inventory') }
}

AfterAll {
    if ($script:session) { Disconnect-IotAdmin -Session $script:session }
    if ($script:emulator) { Stop-IotEmulator -Emulator $script:emulator }
}

Describe 'Claiming' {
    BeforeAll {
        $inventory = Get-Inventory
        $script:kit = $inventory.kits[0]
        $script:free = @($inventory.devices | Where-Object { -not $_.isClaimed } | Select-Object -First 6 -ExpandProperty deviceId)
        $csv = Join-Path $TestDrive 'scanned.csv'
        @([pscustomobject]@{ KitId = $kit.kitId; DeviceId = '' }) +
        @($free | ForEach-Object { [pscustomobject]@{ KitId = ''; DeviceId = $_ } }) +
        @([pscustomobject]@{ KitId = ''; DeviceId = 'unknowndevice0000001' }) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $script:csv = $csv
    }

    It 'Get-IotClaimInfo says KIT with its devices, DEVICE for a device, and an error for an unknown id' {
        $info = @(Get-IotClaimInfo -Identifier $kit.kitId, $free[0], 'unknowndevice0000001' -ErrorVariable unknown -ErrorAction SilentlyContinue)
        $info.Type | Should -Be @('KIT', 'DEVICE')
        @($info[0].Devices.DeviceId) | Should -Be @($kit.deviceIds)
        $info[0].Devices.State | Sort-Object -Unique | Should -Be 'Unclaimed'
        $unknown.Count | Should -Be 1
        $unknown[0].TargetObject | Should -Be 'unknowndevice0000001'
        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'IotApiNotFound*'
    }

    It 'Import-Csv | Register-IotDevice -WhatIf runs the dry run and changes nothing; then claims for real; a re-run succeeds' {
        $before = Get-Inventory
        $dry = @(Import-Csv -LiteralPath $csv | Register-IotDevice -ProjectId $project -WhatIf -ErrorVariable wouldFail -ErrorAction SilentlyContinue -InformationVariable drySummary)
        $dry.Count | Should -Be 7
        $dry.Outcome | Sort-Object -Unique | Should -Be 'WouldClaim'
        $dry.DryRun | Sort-Object -Unique | Should -Be $true
        $wouldFail.Count | Should -Be 1
        $wouldFail[0].TargetObject | Should -Be 'unknowndevice0000001'
        $afterDry = Get-Inventory
        $afterDry.dryRuns - $before.dryRuns | Should -Be 1
        $afterDry.claimed | Should -Be $before.claimed
        @(Get-IotDevice -ProjectId $project -DeviceId $free -ErrorAction SilentlyContinue).Count | Should -Be 0
        "$($drySummary[-1].MessageData)" | Should -Match '7 would change'

        $claimed = @(Import-Csv -LiteralPath $csv | Register-IotDevice -ProjectId $project -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        $claimed.Outcome | Sort-Object -Unique | Should -Be 'Claimed'
        @($claimed.Id) | Should -Be (@($kit.kitId) + $free)
        $failed.Count | Should -Be 1
        (Get-Inventory).claimCalls - $afterDry.claimCalls | Should -Be 1
        @(Get-IotDevice -ProjectId $project -DeviceId ($free + $kit.deviceIds)).Count | Should -Be ($free.Count + $kit.deviceIds.Count)

        $again = @(Import-Csv -LiteralPath $csv | Where-Object DeviceId -NE 'unknowndevice0000001' | Register-IotDevice -ProjectId $project -Confirm:$false -ErrorVariable rerunErrors)
        $rerunErrors.Count | Should -Be 0
        $again.Outcome | Sort-Object -Unique | Should -Be 'AlreadyInProject'
    }
}

Describe 'Emulated sensors' {
    It 'New-IotEmulatedDevice | Send-IotEmulatedEvent -Temperature 30 -PassThru | Get-IotDevice shows the event' {
        $read = @(New-IotEmulatedDevice -ProjectId $project -Type temperature -DisplayName 'Pester' -Count 3 |
            Send-IotEmulatedEvent -Temperature 30 -PassThru |
            Get-IotDevice)
        $read.Count | Should -Be 3
        $read.IsEmulated | Sort-Object -Unique | Should -Be $true
        $read | ForEach-Object { $_.Reported.Temperature.Value | Should -Be 30 }
        $read.DisplayName | Should -Be @('Pester 1', 'Pester 2', 'Pester 3')

        $read | Remove-IotEmulatedDevice -Confirm:$false
        @(Get-IotDevice -ProjectId $project -DeviceId $read.DeviceId -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'refuses event data that does not go together before any request' {
        { Send-IotEmulatedEvent -ProjectId $project -DeviceId emu00000000000000000001 -Temperature 1 -Touch -ErrorAction Stop } | Should -Throw -ErrorId 'IotInvalidArgument*'
    }
}
