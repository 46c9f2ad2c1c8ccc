# Reads a cmdlet page of docs/ (platyPS layout): the "## " sections, each "### -Name" parameter with its description and
# yaml fields, the examples, and the "### Type" entries of INPUTS/OUTPUTS.

function Read-IotDocsPage {
    param([Parameter(Mandatory)] [string] $Path)
    $text = (Get-Content -LiteralPath $Path -Raw) -replace '\r\n', "`n"
    $text = $text -replace '(?s)^---\n.*?\n---\n', ''
    $sections = [ordered]@{}
    foreach ($m in [regex]::Matches($text, '(?ms)^## (?<name>[^\n]+)\n(?<body>.*?)(?=^## |\z)')) {
        $sections[$m.Groups['name'].Value.Trim()] = $m.Groups['body'].Value
    }

    $parameters = [ordered]@{}
    foreach ($m in [regex]::Matches("$($sections['PARAMETERS'])", '(?ms)^### -(?<name>\S+)\s*\n(?<desc>.*?)```yaml\n(?<yaml>.*?)```')) {
        $fields = @{}
        foreach ($line in $m.Groups['yaml'].Value -split '\n') {
            if ($line -match '^(?<key>[^:]+):\s*(?<value>.*)$') { $fields[$Matches.key.Trim()] = $Matches.value.Trim() }
        }
        $parameters[$m.Groups['name'].Value] = [pscustomobject]@{ Description = $m.Groups['desc'].Value.Trim(); Fields = $fields }
    }

    $examples = foreach ($m in [regex]::Matches("$($sections['EXAMPLES'])", '(?ms)^### (?<title>[^\n]+)\n(?<body>.*?)(?=^### |\z)')) {
        $body = $m.Groups['body'].Value
        $code = [regex]::Match($body, '(?ms)^```(?:powershell)?\n(?<code>.*?)^```')
        [pscustomobject]@{
            Title   = $m.Groups['title'].Value.Trim()
            Code    = $code.Groups['code'].Value.TrimEnd()
            Remarks = if ($code.Success) { $body.Remove($code.Index, $code.Length).Trim() } else { $body.Trim() }
        }
    }

    [pscustomobject]@{
        Name        = [System.IO.Path]::GetFileNameWithoutExtension($Path)
        Synopsis    = "$($sections['SYNOPSIS'])".Trim()
        Description = "$($sections['DESCRIPTION'])".Trim()
        Parameters  = $parameters
        Examples    = @($examples)
        Inputs      = Read-IotTypeEntries "$($sections['INPUTS'])"
        Outputs     = Read-IotTypeEntries "$($sections['OUTPUTS'])"
        Notes       = "$($sections['NOTES'])".Trim()
        Links       = @([regex]::Matches("$($sections['RELATED LINKS'])", '\[(?<text>[^\]]+)\]\((?<target>[^)]*)\)') | ForEach-Object { [pscustomobject]@{ Text = $_.Groups['text'].Value; Target = $_.Groups['target'].Value } })
    }
}

# "### System.String (device ids)" followed by text: type → the words after it and the text.
function Read-IotTypeEntries {
    param([string] $Section)
    $entries = @{}
    foreach ($m in [regex]::Matches($Section, '(?ms)^### (?<type>\S+)(?<rest>[^\n]*)\n(?<body>.*?)(?=^### |\z)')) {
        $entries[$m.Groups['type'].Value] = ($m.Groups['rest'].Value.Trim() + ' ' + $m.Groups['body'].Value.Trim()).Trim() -replace '^\((.*)\)$', '$1'
    }
    $entries
}
