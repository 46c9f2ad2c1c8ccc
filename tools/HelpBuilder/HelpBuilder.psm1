# IotAdmin's help generator (platyPS is not served here): MAML for every cmdlet from docs/<Cmdlet>.md and the compiled
# cmdlets' own metadata, and about_*.help.txt topics from docs/about_*.md. build.ps1 calls Build-IotAdminHelp.
Set-StrictMode -Version 3.0
Import-Module (Join-Path (Split-Path -Parent $PSScriptRoot) 'ChildPowerShell.psm1')
. (Join-Path $PSScriptRoot 'Markdown.ps1')
. (Join-Path $PSScriptRoot 'DocsPage.ps1')
. (Join-Path $PSScriptRoot 'CommandMetadata.ps1')
. (Join-Path $PSScriptRoot 'Maml.ps1')
. (Join-Path $PSScriptRoot 'AboutTopic.ps1')

# Where the docs live online: "<ProjectUri>/blob/main/docs", from the manifest's PSData.ProjectUri (one place for the
# address; each cmdlet's online help is <that>/<Cmdlet>.md, which GitHub renders). No ProjectUri (the project has no
# public home yet): no online links, rather than links that lead nowhere.
function Get-IotDocsUri {
    param([Parameter(Mandatory)] [string] $ManifestPath)
    $data = Import-PowerShellDataFile -LiteralPath $ManifestPath
    $projectUri = $data.PrivateData.PSData['ProjectUri']
    if ($projectUri) { "$($projectUri.TrimEnd('/'))/blob/main/docs" } else { '' }
}

function Build-IotAdminHelp {
    [CmdletBinding()]
    param(
        # docs/ of the repository.
        [Parameter(Mandatory)] [string] $DocsPath,
        # The built module's manifest (out/IotAdmin/IotAdmin.psd1): its commands are read from it.
        [Parameter(Mandatory)] [string] $ManifestPath,
        # Where the help goes (out/IotAdmin/en-US).
        [Parameter(Mandatory)] [string] $OutputPath
    )
    $ErrorActionPreference = "Stop"
    $docsUri = Get-IotDocsUri $ManifestPath
    $null = New-Item -ItemType Directory -Force -Path $OutputPath
    $commands = Get-IotCommandMetadata -ManifestPath $ManifestPath
    $pages = @{}
    foreach ($file in Get-ChildItem -LiteralPath $DocsPath -Filter '*-*.md') { $pages[$file.BaseName] = Read-IotDocsPage $file.FullName }
    Write-IotMamlFile -Path (Join-Path $OutputPath 'IotAdmin.dll-Help.xml') -Commands $commands -Pages $pages -DocsUri $docsUri
    $topics = Get-ChildItem -LiteralPath $DocsPath -Filter 'about_*.md'
    foreach ($topic in $topics) {
        $text = ConvertTo-IotAboutTopic -Path $topic.FullName -DocsUri $docsUri
        [System.IO.File]::WriteAllText((Join-Path $OutputPath "$($topic.BaseName).help.txt"), $text, [System.Text.UTF8Encoding]::new($false))
    }
    "Help: en-US/IotAdmin.dll-Help.xml for $($commands.Count) cmdlets (docs/ and the compiled cmdlets), $($topics.Count) about_ topics; online: $(if ($docsUri) { $docsUri } else { 'none (no ProjectUri in the manifest)' })"
}

Export-ModuleMember -Function Build-IotAdminHelp, Export-IotCommandMetadata
