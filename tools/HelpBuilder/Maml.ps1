# Writes MAML (the XML Get-Help reads for binary cmdlets) from a docs page and the command's own metadata: the
# metadata decides syntax, types, positions, pipeline binding, aliases and wildcards; the page gives the words
# (synopsis, descriptions, default values, examples, notes, links).

$script:MamlNs = 'http://schemas.microsoft.com/maml/2004/10'
$script:CommandNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:DevNs = 'http://schemas.microsoft.com/maml/dev/2004/10'
$script:NamedPosition = [int]::MinValue

function Write-IotMamlParas {
    param([System.Xml.XmlWriter] $Writer, [string] $Markdown, [string] $DocsUri, [string] $Element = 'description', [string] $Namespace = $script:MamlNs)
    if ($Element) { $Writer.WriteStartElement($Element, $Namespace) }
    foreach ($block in ConvertFrom-IotMarkdown $Markdown $DocsUri) {
        $texts = switch ($block.Kind) {
            'para' { $block.Text }
            'heading' { $block.Text.ToUpperInvariant() }
            'list' { "- $($block.Text)" }
            'code' { $block.Lines | ForEach-Object { "    $_" } }
            'table' { $header = $block.Rows[0]; $block.Rows | Select-Object -Skip 1 | ForEach-Object { '- ' + (Format-IotTableRow $header $_) } }
        }
        foreach ($text in $texts) { $Writer.WriteElementString('para', $script:MamlNs, $text) }
    }
    if ($Element) { $Writer.WriteEndElement() }
}

# "True (ByPropertyName, ByValue)" / "False", as platyPS and PowerShell's own help write it.
function Get-IotPipelineInput {
    param($Sets)
    $how = @(if ($Sets | Where-Object ByPropertyName) { 'ByPropertyName' }; if ($Sets | Where-Object ByValue) { 'ByValue' })
    if ($how.Count) { "True ($($how -join ', '))" } else { 'False' }
}

function Write-IotMamlParameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, $Sets, [string] $Description, [string] $Default, [string] $DocsUri)
    $mandatory = @($Sets | Where-Object { -not $_.Mandatory }).Count -eq 0
    $positions = @($Sets | Where-Object { $_.Position -ne $script:NamedPosition } | ForEach-Object Position)
    $Writer.WriteStartElement('parameter', $script:CommandNs)
    $Writer.WriteAttributeString('required', "$mandatory".ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', "$($Parameter.Type.EndsWith('[]'))".ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', "$($Parameter.SupportsWildcards)".ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', (Get-IotPipelineInput $Sets))
    $Writer.WriteAttributeString('position', $(if ($positions.Count) { "$($positions[0])" } else { 'named' }))
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('name', $script:MamlNs, $Parameter.Name)
    Write-IotMamlParas $Writer $Description $DocsUri
    if (-not $Parameter.IsSwitch) {
        $Writer.WriteStartElement('parameterValue', $script:CommandNs)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Parameter.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('type', $script:DevNs)
    $Writer.WriteElementString('name', $script:MamlNs, $Parameter.Type)
    $Writer.WriteElementString('uri', $script:MamlNs, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('defaultValue', $script:DevNs, $Default)
    $Writer.WriteEndElement()
}

function Write-IotMamlTypes {
    param([System.Xml.XmlWriter] $Writer, [string] $ListElement, [string] $ItemElement, [object[]] $Types, [string] $DocsUri)
    $Writer.WriteStartElement($ListElement, $script:CommandNs)
    foreach ($type in $Types) {
        $Writer.WriteStartElement($ItemElement, $script:CommandNs)
        $Writer.WriteStartElement('type', $script:DevNs)
        $Writer.WriteElementString('name', $script:MamlNs, $type.Name)
        $Writer.WriteEndElement()
        Write-IotMamlParas $Writer $type.Description $DocsUri
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

# What the command takes from the pipeline: each by-value type, and objects whose properties bind by name.
function Get-IotInputTypes {
    param($Command, $Page)
    $types = [ordered]@{}
    foreach ($parameter in $Command.Parameters) {
        if ($parameter.Sets | Where-Object ByValue) {
            $name = $parameter.TypeFullName -replace '\[\]$', ''
            $said = $Page.Inputs[$name]
            $types[$name] = if ($said) { $said } else { "Bound to -$($parameter.Name)." }
        }
    }
    $byName = @($Command.Parameters | Where-Object { $_.Sets | Where-Object ByPropertyName } | ForEach-Object { @($_.Name) + @($_.Aliases) | Select-Object -Unique } )
    if ($byName.Count) {
        $names = if ($byName.Count -gt 1) { ($byName[0..($byName.Count - 2)] -join ', ') + ' or ' + $byName[-1] } else { $byName[0] }
        $types['System.Management.Automation.PSObject'] = "Any object with a property named $names binds to the parameter of that name."
    }
    if (-not $types.Count) { $types['None'] = 'This cmdlet takes no pipeline input.' }
    foreach ($key in $types.Keys) { [pscustomobject]@{ Name = $key; Description = $types[$key] } }
}

function Get-IotOutputTypes {
    param($Command, $Page)
    if (-not $Command.OutputTypes.Count) { return [pscustomobject]@{ Name = 'None'; Description = 'This cmdlet writes no objects.' } }
    foreach ($type in $Command.OutputTypes) { [pscustomobject]@{ Name = $type; Description = "$($Page.Outputs[$type])" } }
}

# One syntax line per parameter set: positional parameters by position, then the mandatory named ones, then the
# optional ones (each group in declaration order), then -WhatIf/-Confirm.
function Get-IotSyntaxParameters {
    param($Command, [string] $SetName)
    $inSet = foreach ($parameter in $Command.Parameters) {
        $set = $parameter.Sets | Where-Object { $_.Name -eq $SetName -or $_.Name -eq "__AllParameterSets" } | Select-Object -First 1
        if ($set) { [pscustomobject]@{ Parameter = $parameter; Set = $set } }
    }
    $positional = @($inSet | Where-Object { $_.Set.Position -ne $script:NamedPosition } | Sort-Object { $_.Set.Position })
    $shouldProcess = @($inSet | Where-Object { $_.Parameter.Name -in 'WhatIf', 'Confirm' })
    $named = @($inSet | Where-Object { $_.Set.Position -eq $script:NamedPosition -and $_.Parameter.Name -notin 'WhatIf', 'Confirm' })
    $positional + @($named | Where-Object { $_.Set.Mandatory }) + @($named | Where-Object { -not $_.Set.Mandatory }) + $shouldProcess
}

function Write-IotMamlCommand {
    param([System.Xml.XmlWriter] $Writer, $Command, $Page, [string] $OnlineUri, [string] $DocsUri)
    foreach ($parameter in $Command.Parameters) {
        if (-not $Page.Parameters.Contains($parameter.Name)) { throw "docs/$($Command.Name).md does not document -$($parameter.Name)." }
        if (-not $Page.Parameters[$parameter.Name].Fields['Default value']) { throw "docs/$($Command.Name).md: -$($parameter.Name) states no 'Default value:'." }
    }
    $Writer.WriteStartElement('command', 'command', $script:CommandNs)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $script:MamlNs)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $script:DevNs)
    $Writer.WriteStartElement('details', $script:CommandNs)
    $Writer.WriteElementString('name', $script:CommandNs, $Command.Name)
    $Writer.WriteElementString('verb', $script:CommandNs, $Command.Verb)
    $Writer.WriteElementString('noun', $script:CommandNs, $Command.Noun)
    Write-IotMamlParas $Writer $Page.Synopsis $DocsUri
    $Writer.WriteEndElement()
    Write-IotMamlParas $Writer $Page.Description $DocsUri

    $Writer.WriteStartElement('syntax', $script:CommandNs)
    $sets = @($Command.ParameterSets | Sort-Object { $_ -ne $Command.DefaultParameterSet })
    foreach ($setName in $sets) {
        $Writer.WriteStartElement('syntaxItem', $script:CommandNs)
        $Writer.WriteElementString('name', $script:MamlNs, $Command.Name)
        foreach ($item in Get-IotSyntaxParameters $Command $setName) {
            $docs = $Page.Parameters[$item.Parameter.Name]
            Write-IotMamlParameter $Writer $item.Parameter @($item.Set) $docs.Description $docs.Fields['Default value'] $DocsUri
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # In the page's order (the order its author chose to explain them in).
    $Writer.WriteStartElement('parameters', $script:CommandNs)
    foreach ($parameter in $Command.Parameters | Sort-Object { @($Page.Parameters.Keys).IndexOf($_.Name) }) {
        $docs = $Page.Parameters[$parameter.Name]
        Write-IotMamlParameter $Writer $parameter $parameter.Sets $docs.Description $docs.Fields['Default value'] $DocsUri
    }
    $Writer.WriteEndElement()

    Write-IotMamlTypes $Writer 'inputTypes' 'inputType' @(Get-IotInputTypes $Command $Page) $DocsUri
    Write-IotMamlTypes $Writer 'returnValues' 'returnValue' @(Get-IotOutputTypes $Command $Page) $DocsUri

    $Writer.WriteStartElement('alertSet', $script:MamlNs)
    $Writer.WriteStartElement('alert', $script:MamlNs)
    Write-IotMamlParas $Writer $Page.Notes $DocsUri -Element ''
    $Writer.WriteElementString('para', $script:MamlNs, $(if ($OnlineUri) { "Online version: $OnlineUri" } else { "Documentation: docs/$($Command.Name).md in the IotAdmin sources." }))
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('examples', $script:CommandNs)
    foreach ($example in $Page.Examples) {
        $Writer.WriteStartElement('example', $script:CommandNs)
        # Dashes either side, as PowerShell's own help has them, within 80 columns (Get-Help indents titles by 4 and
        # may add a space).
        $dashes = '-' * [Math]::Max(4, [Math]::Floor((74 - $example.Title.Length - 2) / 2))
        $Writer.WriteElementString('title', $script:MamlNs, "$dashes $($example.Title) $dashes")
        $Writer.WriteElementString('code', $script:DevNs, $example.Code)
        Write-IotMamlParas $Writer $example.Remarks $DocsUri 'remarks' $script:DevNs
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # The first link with an address is the one Get-Help -Online opens.
    $Writer.WriteStartElement('relatedLinks', $script:CommandNs)
    $online = if ($OnlineUri) { @([pscustomobject]@{ Text = 'Online Version:'; Uri = $OnlineUri }) } else { @() }
    $links = $online + @(foreach ($link in $Page.Links) {
            $uri = if ($link.Target -match '^https?://') { $link.Target } elseif ($link.Target -match '^about_' -or -not $DocsUri) { '' } else { "$DocsUri/$($link.Target)" }
            [pscustomobject]@{ Text = $link.Text; Uri = $uri }
        })
    foreach ($link in $links) {
        $Writer.WriteStartElement('navigationLink', $script:MamlNs)
        $Writer.WriteElementString('linkText', $script:MamlNs, $link.Text)
        $Writer.WriteElementString('uri', $script:MamlNs, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function Write-IotMamlFile {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] $Commands, [Parameter(Mandatory)] [hashtable] $Pages, [string] $DocsUri = '')
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($command in $Commands) {
            if (-not $Pages.ContainsKey($command.Name)) { throw "docs/$($command.Name).md is missing: every cmdlet has a page." }
            Write-IotMamlCommand $writer $command $Pages[$command.Name] $(if ($DocsUri) { "$DocsUri/$($command.Name).md" } else { '' }) $DocsUri
        }
        $writer.WriteEndElement()
    }
    finally {
        $writer.Dispose()
    }
}
