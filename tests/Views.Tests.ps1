#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# At the prompt: the default views (src/IotAdmin/IotAdmin.Format.ps1xml) rendered as an 80-column terminal shows them
# (every table keeps each column readable and each id whole; list views show every property; a wider terminal shows
# more), the bulk summary and listing progress on the screen, completion and disconnecting.
# Against the emulator in its own process on 127.0.0.1. Needs ./build.ps1 Build.

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built ($manifest). Run ./build.ps1 Build first." }
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    Import-Module $manifest -Force
    $script:emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '300', '--projects', '4', '--rate-limit', '0'
    $script:session = Connect-IotAdmin -CredentialsFile $emulator.CredentialsFile -Endpoint $emulator.ApiRoot -PassThru
    $all = @(Get-IotDevice)
    # Ordinary and emulated devices (ids of 20 and 23 characters), with and without labels.
    $script:devices = @($all | Where-Object { -not $_.IsEmulated } | Select-Object -First 4) + @($all | Where-Object IsEmulated | Select-Object -First 1)
    $script:projects = @(Get-IotProject)

    # A child PowerShell like the one running this, interactive or not as each test needs.
    Import-Module (Join-Path (Split-Path -Parent $PSScriptRoot) 'tools/ChildPowerShell.psm1') -Force
    $child = Resolve-ChildPowerShell
    $script:childExe = $child.FilePath
    $script:childArgs = @($child.ArgumentList)

    # The rendered table: its header and dash lines, the width of each column (its dashes), and the text.
    function Get-TableLayout {
        param([object[]] $InputObject, [string] $View, [int] $Width = 80)
        $format = @{}
        if ($View) { $format.View = $View }
        $text = $InputObject | Format-Table @format | Out-String -Width $Width
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() })
        [pscustomobject]@{
            Text    = $text
            Lines   = $lines
            Header  = $lines[0]
            Dashes  = $lines[1]
            Columns = @([regex]::Matches($lines[1], '-+') | ForEach-Object Length)
        }
    }
}

AfterAll {
    if ($script:session) { Disconnect-IotAdmin -Session $script:session }
    if ($script:emulator) { Stop-IotEmulator -Emulator $script:emulator }
}

Describe 'Table views at 80 columns' {
    It '<Name> keeps every column readable and every id whole' -ForEach @(
        @{ Name = 'devices'; Objects = { $devices }; View = $null; Headers = 'DeviceId', 'DisplayName', 'Type', 'Bat%', 'Sig%', 'Labels'; Ids = { $devices.DeviceId } }
        @{ Name = 'devices, -View Project'; Objects = { $devices }; View = 'Project'; Headers = 'DeviceId', 'ProjectId', 'Type', 'DisplayName'; Ids = { $devices.DeviceId + $devices.ProjectId } }
        @{ Name = 'projects'; Objects = { $projects }; View = $null; Headers = 'ProjectId', 'DisplayName', 'Sensors', 'Conns', 'Inv', 'Organization'; Ids = { $projects.ProjectId } }
        @{ Name = 'sessions'; Objects = { $session }; View = $null; Headers = 'KeyId', 'TokenExpiresOn', 'RateLimit', 'Host'; Ids = { $session.KeyId; $session.Endpoint.Authority } }
    ) {
        $table = Get-TableLayout -InputObject @(& $Objects) -View $View
        # One header line: a column cut to one letter would spread its header over several lines.
        $table.Dashes | Should -Match '^[- ]+$'
        @($table.Header -split '\s+' | Where-Object { $_ }) | Should -Be $Headers
        $table.Columns | ForEach-Object { $_ | Should -BeGreaterOrEqual 3 }
        $table.Lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        foreach ($id in & $Ids) { $table.Text | Should -Match "(^|\s)$([regex]::Escape($id))(\s|$)" -Because "the id $id is whole" }
    }

    It 'shows more of the last column on a wider terminal' {
        $labelled = $devices | Where-Object { $_.LabelText.Length -gt 14 } | Select-Object -First 1
        $labelled | Should -Not -BeNullOrEmpty
        (Get-TableLayout -InputObject $labelled -Width 80).Text | Should -Not -Match ([regex]::Escape($labelled.LabelText))
        (Get-TableLayout -InputObject $labelled -Width 120).Text | Should -Match ([regex]::Escape($labelled.LabelText))
    }
}

Describe 'List views' {
    It '<Name> shows every property' -ForEach @(
        @{ Name = 'a device'; Object = { $devices[0] }; Shown = @{ LabelText = 'Labels' } }
        @{ Name = 'a project'; Object = { $projects[0] }; Shown = @{} }
        # Completion is the session's tab-completion cache, not its state.
        @{ Name = 'a session'; Object = { $session }; Shown = @{ Completion = $null } }
    ) {
        $object = & $Object
        $text = $object | Format-List | Out-String -Width 80
        foreach ($property in $object.PSObject.Properties.Name) {
            $label = if ($Shown.ContainsKey($property)) { $Shown[$property] } else { $property }
            if (-not $label) { continue }
            $text | Should -Match "(?m)^$label\s+:" -Because "the list view shows $property"
        }
    }
}

Describe 'Summaries and progress on the screen' {
    BeforeAll {
        $project = ($projects | Where-Object { -not $_.IsInventory } | Select-Object -First 1).ProjectId
        $script:whatIf = "Import-Module '$manifest'; Connect-IotAdmin -CredentialsFile '$($emulator.CredentialsFile)' -Endpoint '$($emulator.ApiRoot)'; Get-IotDevice -ProjectId $project | Set-IotLabel -Label @{ audit = 'x' } -WhatIf | Out-Null"
        function Invoke-Child([string[]] $Switches, [string] $Command) {
            @(& $childExe @childArgs -NoProfile @Switches -Command $Command 2>&1) -join "`n"
        }
    }

    It 'shows the bulk summary in an interactive console, ending with "N would change" under -WhatIf' {
        $text = Invoke-Child @() $whatIf
        $text | Should -Match '(?m)^Set-IotLabel: 0 failed, 0 skipped; 0 requests \(0 retried, 0 throttled\) in [\d.]+ s; \d+ would change$'
    }

    It 'keeps it on the Information stream only when PowerShell runs -NonInteractive' {
        $text = Invoke-Child @('-NonInteractive') $whatIf
        $text | Should -Not -Match 'would change'
        $text | Should -Match 'What if:'
    }

    It 'is the same data with its tags for runbooks' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Manifest, $Session) Import-Module $Manifest; Get-IotDevice -Session $Session | Select-Object -First 3 | Set-IotLabel -Session $Session -Label @{ audit = ''x'' } -WhatIf').AddArgument($manifest).AddArgument($session)
            $null = $ps.Invoke()
            $record = @($ps.Streams.Information)[-1]
            $record.Tags | Should -Be @('IotAdmin', 'Summary', 'Set-IotLabel')
            $record.MessageData.WhatIf | Should -Be 3
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'shows progress on a listing longer than a page (devices, pages, rate), completed at the end' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Manifest, $Session) Import-Module $Manifest; @(Get-IotDevice -Session $Session).Count').AddArgument($manifest).AddArgument($session)
            $count = @($ps.Invoke())[0]
            $progress = @($ps.Streams.Progress | Where-Object Activity -EQ 'Get-IotDevice')
            $progress.Count | Should -BeGreaterOrEqual 2
            $progress[0].StatusDescription | Should -Match '^\d+ devices so far; 2 pages; \d+ devices/s$'
            $progress[-1].RecordType | Should -Be 'Completed'
            $count | Should -Be 300
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'shows no progress for a one-page listing' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Manifest, $Session, $Project) Import-Module $Manifest; $null = Get-IotDevice -Session $Session -ProjectId $Project -DeviceType co2').AddArgument($manifest).AddArgument($session).AddArgument($projects[1].ProjectId)
            $null = $ps.Invoke()
            @($ps.Streams.Progress | Where-Object Activity -EQ 'Get-IotDevice') | Should -BeNullOrEmpty
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe 'Disconnecting at the prompt' {
    It 'is no error the second time, nor when not connected' {
        $s = Connect-IotAdmin -CredentialsFile $emulator.CredentialsFile -Endpoint $emulator.ApiRoot -PassThru
        Disconnect-IotAdmin -Session $s -ErrorAction Stop
        Disconnect-IotAdmin -Session $s -ErrorAction Stop
        Disconnect-IotAdmin -ErrorAction Stop
        $s.IsDisposed | Should -BeTrue
    }

    It 'tells a disconnected -Session from no session at all' {
        $s = Connect-IotAdmin -CredentialsFile $emulator.CredentialsFile -Endpoint $emulator.ApiRoot -PassThru
        Disconnect-IotAdmin -Session $s
        $failure = { Get-IotProject -Session $s } | Should -Throw -ErrorId 'IotNotConnected,IotAdmin.Commands.GetIotProjectCommand' -PassThru
        $failure.ErrorDetails.Message | Should -Be 'This session was disconnected (Disconnect-IotAdmin).'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Connect-IotAdmin -PassThru'
        $none = { Get-IotProject } | Should -Throw -ErrorId 'IotNotConnected,IotAdmin.Commands.GetIotProjectCommand' -PassThru
        $none.ErrorDetails.Message | Should -Match 'Run Connect-IotAdmin first'
    }
}

Describe 'Tab completion' {
    It 'offers the sortable fields for -OrderBy, not file names' {
        $line = "Get-IotDevice -Session `$session -OrderBy rep"
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $found.CompletionText | Should -Contain 'reported.temperature.value'
        $found.CompletionText | ForEach-Object { $_ | Should -Match '^reported\.' }
        $line = "Get-IotDevice -Session `$session -OrderBy '-lab"
        $descending = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $descending | Should -Contain "'-labels.name'"
    }
}
