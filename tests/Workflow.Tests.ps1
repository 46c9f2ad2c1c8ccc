#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Issue 18 through the real cmdlets: export to CSV, edit two columns, rehearse on an emulator serving the exported
# fleet, apply, check, undo (-WhatIf, then for real); and a journaled move undone from the per-user journal folder.

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built ($manifest). Run ./build.ps1 Build first." }
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    Import-Module $manifest -Force
    $script:emulatorPath = Join-Path $root 'out/emulator/IotAdmin.Emulator.dll'
    $script:emulator = Start-IotEmulator -EmulatorPath $emulatorPath -ArgumentList '--devices', '600', '--projects', '4', '--rate-limit', '0', '--propagation-delay', '0'
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) ('iotadmin-workflow-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
    $script:journalDir = $env:IOTADMIN_JOURNAL_DIR
    $env:IOTADMIN_JOURNAL_DIR = Join-Path $work 'journal'

    function Connect-To {
        param($Emulator)
        Connect-IotAdmin -KeyId $Emulator.KeyId -Secret (ConvertTo-SecureString $Emulator.Secret -AsPlainText -Force) -Email $Emulator.Email -Endpoint $Emulator.ApiRoot -PassThru
    }

    function Get-Mutations {
        param($Emulator)
        (Invoke-RestMethod -Uri "$($Emulator.BaseUri)/_emulator/stats").mutations
    }

    # Every device of the fleet as one comparable line: project, id and labels.
    function Get-Fleet {
        param($Session)
        Get-IotDevice -Session $Session | Sort-Object DeviceId | ForEach-Object {
            "$($_.ProjectId)/$($_.DeviceId) " + (($_.Labels.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ',')
        }
    }

    $script:live = Connect-To $emulator
    $script:project = (Get-IotProject -Session $live | Where-Object { -not $_.IsInventory } | Select-Object -First 1).ProjectId
}

AfterAll {
    Get-IotSession | ForEach-Object { Disconnect-IotAdmin -Session $_ }
    if ($script:emulator) { Stop-IotEmulator -Emulator $script:emulator }
    $env:IOTADMIN_JOURNAL_DIR = $script:journalDir
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export, edit, rehearse, apply, check, undo' {
    It 'runs the whole workflow in one script' {
        $fleetFile = Join-Path $work 'fleet.json'
        $csv = Join-Path $work 'devices.csv'
        $before = Get-Fleet $live

        # Export the fleet and one project's devices; re-importing the unedited CSV changes nothing.
        (Export-IotFleet -Path $fleetFile -Session $live).Length | Should -BeGreaterThan 0
        Get-IotDevice -ProjectId $project -Session $live | Export-IotDevice -Path $csv | Should -BeOfType ([System.IO.FileInfo])
        $mutations = Get-Mutations $emulator
        Import-Csv $csv | Set-IotLabel -LabelColumn * -Session $live -InformationVariable roundTrip
        Get-Mutations $emulator | Should -Be $mutations
        $roundTrip[-1].MessageData.Failed | Should -Be 0

        # Edit two columns with PowerShell: room for every device, floor 9 for the first ten.
        $rows = @(Import-Csv $csv)
        $i = 0
        foreach ($row in $rows) {
            $row.room = 'R' + ($i % 4)
            if ($i -lt 10) { $row.floor = '9' }
            $i++
        }
        $edited = Join-Path $work 'edited.csv'
        $rows | Export-Csv -Path $edited -NoTypeInformation

        # Rehearse against a copy of the fleet, at the service's real rate limit; the live fleet is untouched.
        $copy = Start-IotEmulator -EmulatorPath $emulatorPath -ArgumentList '--fleet-file', $fleetFile, '--propagation-delay', '0'
        try {
            $rehearsal = Connect-To $copy
            Get-Fleet $rehearsal | Should -Be $before
            Import-Csv $edited | Set-IotLabel -LabelColumn room, floor -Session $rehearsal -InformationVariable rehearsed
            $summary = $rehearsed[-1].MessageData
            $summary.Succeeded | Should -Be $rows.Count
            $summary.Failed | Should -Be 0
            $summary.Requests | Should -BeLessOrEqual 11 # 8 distinct changes (4 rooms, with or without floor 9) + project list + 2 pages
            (Get-IotDevice -ProjectId $project -Session $rehearsal | Where-Object { $_.Labels['room'] -eq 'R1' }) | Should -HaveCount ($rows | Where-Object room -EQ 'R1').Count
        }
        finally {
            Stop-IotEmulator -Emulator $copy
        }
        Get-Fleet $live | Should -Be $before

        # Apply for real, journaled; check.
        $journal = Join-Path $work 'rooms.jsonl'
        Import-Csv $edited | Set-IotLabel -LabelColumn room, floor -JournalPath $journal -Session $live
        $applied = @(Get-IotDevice -ProjectId $project -Session $live)
        foreach ($row in $rows) { ($applied | Where-Object DeviceId -EQ $row.DeviceId).Labels['room'] | Should -Be $row.room }
        @($applied | Where-Object { $_.Labels['floor'] -eq '9' }).Count | Should -Be 10
        @(Get-Content $journal).Count | Should -Be $rows.Count
        Get-Content $journal -Raw | Should -Not -Match ([regex]::Escape($emulator.Secret))

        # Undo: -WhatIf sends nothing; then for real, the fleet is as before.
        $mutations = Get-Mutations $emulator
        Undo-IotChange -Path $journal -WhatIf -Session $live -InformationVariable preview
        Get-Mutations $emulator | Should -Be $mutations
        $preview[-1].MessageData.WhatIf | Should -Be $rows.Count
        Undo-IotChange -Path $journal -JournalPath (Join-Path $work 'undo.jsonl') -Session $live
        Get-Fleet $live | Should -Be $before
        @(Get-Content (Join-Path $work 'undo.jsonl')).Count | Should -Be $rows.Count
    }

    It 'undoes a journaled move from the per-user journal folder and says which device changed since' {
        $before = Get-Fleet $live
        $projects = @(Get-IotProject -Session $live | Where-Object { -not $_.IsInventory })
        $moving = @(Get-IotDevice -ProjectId $projects[1].ProjectId -Session $live | Select-Object -First 5)
        $moving | Move-IotDevice -DestinationProjectId $projects[2].ProjectId -Journal -Session $live
        $journal = @(Get-ChildItem $env:IOTADMIN_JOURNAL_DIR -Filter '*Move-IotDevice*.jsonl')
        $journal | Should -HaveCount 1
        Get-IotDevice -ProjectId $projects[2].ProjectId -DeviceId $moving[0].DeviceId -Session $live | Set-IotLabel -Label @{ moved = 'yes' } -Session $live

        $journal | Undo-IotChange -Session $live -WarningVariable changedSince -WarningAction SilentlyContinue
        $changedSince | Should -HaveCount 1
        "$($changedSince[0])" | Should -Match $moving[0].DeviceId
        $now = Get-Fleet $live
        $differ = @(Compare-Object $before $now | ForEach-Object { ($_.InputObject -split ' ')[0].Split('/')[1] } | Sort-Object -Unique)
        $differ | Should -Be @($moving[0].DeviceId)
    }
}
