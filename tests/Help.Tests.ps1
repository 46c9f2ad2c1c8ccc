#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The help a user reads at the prompt: Get-Help from the built module (out/IotAdmin/en-US, made by tools/HelpBuilder
# from docs/ and the compiled cmdlets). Needs ./build.ps1 Build. No emulator: help needs no API.

BeforeDiscovery {
    $root = Split-Path -Parent $PSScriptRoot
    $script:cmdlets = @(Get-ChildItem (Join-Path $root 'docs') -Filter '*-Iot*.md' | ForEach-Object BaseName)
    $script:topics = @(Get-ChildItem (Join-Path $root 'docs') -Filter 'about_*.md' | ForEach-Object BaseName)
}

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built ($manifest). Run ./build.ps1 Build first." }
    Import-Module $manifest -Force
    $projectUri = (Import-PowerShellDataFile -LiteralPath $manifest).PrivateData.PSData['ProjectUri']
    $common = @([System.Management.Automation.Cmdlet]::CommonParameters)
}

Describe 'Get-Help <_> -Full' -ForEach $cmdlets {
    BeforeAll {
        $name = $_
        $help = Get-Help $name -Full
        $text = $help | Out-String -Width 80
        $command = Get-Command $name
    }

    It 'has a syntax line for every parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be $command.ParameterSets.Count
        $text | Should -Match "(?m)^SYNTAX\s*\r?\n\s+$name "
        foreach ($set in $command.ParameterSets) {
            $mandatory = @($set.Parameters | Where-Object { $_.IsMandatory -and $common -notcontains $_.Name } | ForEach-Object Name | Sort-Object)
            $documented = @($help.syntax.syntaxItem | Where-Object {
                    @($_.parameter | Where-Object { $_.required -eq 'true' } | ForEach-Object name | Sort-Object) -join ',' -eq ($mandatory -join ',')
                })
            $documented | Should -Not -BeNullOrEmpty -Because "parameter set $($set.Name) (mandatory: $($mandatory -join ', ')) has a syntax line"
        }
    }

    It 'describes every parameter with its type, default, position, pipeline input and aliases' {
        $parameters = @($help.parameters.parameter)
        $real = @($command.Parameters.Values | Where-Object { $common -notcontains $_.Name })
        @($parameters.name | Sort-Object) | Should -Be @($real.Name | Sort-Object)
        foreach ($parameter in $parameters) {
            $metadata = $command.Parameters[$parameter.name]
            "$($parameter.defaultValue)".Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) states its default"
            "$($parameter.description.Text)".Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) is described"
            if ($metadata.ParameterType -ne [switch]) { $parameter.type.name | Should -Be $metadata.ParameterType.Name }
            $aliases = @($metadata.Aliases)
            $parameter.aliases | Should -Be $(if ($aliases.Count) { $aliases -join ', ' } else { 'none' })
            $byValue = [bool]($metadata.ParameterSets.Values | Where-Object ValueFromPipeline)
            $parameter.pipelineInput -match 'ByValue' | Should -Be $byValue -Because "-$($parameter.name)'s pipeline input"
        }
        $text | Should -Match 'Default value\s+\S'
    }

    It 'has at least one example' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 1
        $help.examples.example[0].code | Should -Match $name
    }

    It 'names its inputs and outputs' {
        @($help.inputTypes.inputType).Count | Should -BeGreaterOrEqual 1
        $outputs = @($help.returnValues.returnValue.type.name)
        if ($command.OutputType) { $outputs | Should -Be @($command.OutputType.Name) } else { $outputs | Should -Be 'None' }
    }

    It 'links its online page (the docs page in the repository) first, when the project has a public home' {
        Join-Path (Split-Path -Parent $PSScriptRoot) "docs/$name.md" | Should -Exist
        $text | Should -Match '(?m)^NOTES'
        if ($projectUri) {
            @($help.relatedLinks.navigationLink)[0].uri | Should -Be "$projectUri/blob/main/docs/$name.md"
        }
        else {
            # No address that leads nowhere: the notes name the page instead.
            @($help.relatedLinks.navigationLink | Where-Object { $_.uri }) | Should -BeNullOrEmpty
            $text | Should -Match ([regex]::Escape("docs/$name.md"))
        }
    }

    It 'shows plain text, not markdown' {
        # The prose: synopsis, description, parameters, remarks, inputs, outputs and notes (example code may hold a
        # backtick, PowerShell's line continuation).
        $prose = @($help.Synopsis; $help.description.Text; $help.parameters.parameter.description.Text; $help.examples.example.remarks.Text
            $help.inputTypes.inputType.description.Text; $help.returnValues.returnValue.description.Text; $help.alertSet.alert.Text) -join "`n"
        $prose | Should -Not -BeNullOrEmpty
        $prose | Should -Not -Match '`|\*\*|\]\('
    }
}

Describe 'Get-Help <_>' -ForEach $topics {
    BeforeAll {
        $topic = $_
        $file = Join-Path (Split-Path -Parent $PSScriptRoot) "out/IotAdmin/en-US/$topic.help.txt"
    }

    It 'is a classic help topic wrapped at 80 columns' {
        $lines = @(Get-Content -LiteralPath $file)
        $lines[0..4] | Should -Be @('TOPIC', "    $topic", '', 'SHORT DESCRIPTION', $lines[4])
        $lines | Should -Contain 'LONG DESCRIPTION'
        @($lines | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
        (Get-Help $topic | Out-String) | Should -Match "(?m)^TOPIC\s*\r?\n\s+$topic"
    }

    It 'has a synopsis that is one sentence' {
        $synopsis = (Get-Help 'about_IotAdmin*' | Where-Object Name -EQ $topic).Synopsis
        $synopsis | Should -Match '^[A-Z][^.]*[a-z)]\.$'
        $synopsis.Split(' ').Count | Should -BeGreaterThan 4
    }

    It 'shows plain text, not markdown' {
        # Code (indented by 8) may hold a backtick, PowerShell's line continuation.
        $prose = @(Get-Content -LiteralPath $file | Where-Object { $_ -notmatch '^ {8}' }) -join "`n"
        $prose | Should -Not -Match '`|\*\*|\]\(|(?m)^#'
    }
}
