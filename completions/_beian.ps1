
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'beian' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'beian'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'beian' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, '打印版本')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, '打印版本')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, '按全国和各省规则检查备案草稿')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, '列出规则或解释一条规则')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, '逐步填写一份备案（交互式向导），或用 --no-input 从答案文件生成')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, '生成备案资料包：材料清单、填好的表格和函件、可打印的报告')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, '列出资料包模板或显示其中一个（在配置目录的 templates 中放同名文件即可覆盖）')
            [CompletionResult]::new('types', 'types', [CompletionResultType]::ParameterValue, '说明各备案类型：何时适用、需要填写什么、如何判断')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, '打印 shell 补全脚本（bash、zsh、fish、powershell、elvish）')
            [CompletionResult]::new('app', 'app', [CompletionResultType]::ParameterValue, '从 APK、密钥库和证书文件中读取 APP 的签名证书')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, '显示配置文件的位置和内容')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, '打印备案草稿格式的 JSON Schema（2020-12），供编辑器和校验工具使用')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, '把 man 手册页（roff）打印到标准输出')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '报告格式')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, '按这一天（YYYY-MM-DD）检查所有日期规则，而不是草稿的 filing_date')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, '本次运行忽略这条规则的问题（可重复；在配置文件的覆盖之后生效）')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, '本次运行把这条规则的问题当作警告（可重复）')
            [CompletionResult]::new('--deny', '--deny', [CompletionResultType]::ParameterName, '本次运行把这条规则的问题当作错误（可重复）')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, '同时检查的草稿数（默认：每个 CPU 核心一个）')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, '同时检查的草稿数（默认：每个 CPU 核心一个）')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, '出现这一级别或更严重的问题时以状态 1 退出')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('--require-materials', '--require-materials', [CompletionResultType]::ParameterName, '把 [materials] 中缺少的材料当作错误')
            [CompletionResult]::new('--no-checklist', '--no-checklist', [CompletionResultType]::ParameterName, '表格报告中不显示材料清单')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, '不在标准错误上显示进度条（标准输出上的报告不变）')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, '不在标准错误上显示进度条（标准输出上的报告不变）')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;rules' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, '列出规则（全国规则；加 --province 时包括该省规则）')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, '解释一条规则：检查什么、为什么、如何修改、来源')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;rules;list' {
            [CompletionResult]::new('--province', '--province', [CompletionResultType]::ParameterName, '备案地域：广东、广东省、44 或 guangdong')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, '只列出适用于该备案类型的规则：first、new_service、new_access、change、cancel、transfer（或中文名称）')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, '输出 JSON 而不是表格')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;rules;explain' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, '输出 JSON 而不是文本')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;rules;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, '列出规则（全国规则；加 --province 时包括该省规则）')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, '解释一条规则：检查什么、为什么、如何修改、来源')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;rules;help;list' {
            break
        }
        'beian;rules;help;explain' {
            break
        }
        'beian;rules;help;help' {
            break
        }
        'beian;new' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, '写入草稿及备案资料包的文件夹（须不存在或为空）')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, '继续上次中断的向导（默认：最近保存的草稿）')
            [CompletionResult]::new('--answers', '--answers', [CompletionResultType]::ParameterName, '从草稿文件（完整或部分）预填答案；预填的答案会被检查而不再询问')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, '按点分键预填一个答案，例如 principal.province=广东（可重复）')
            [CompletionResult]::new('--storepass-env', '--storepass-env', [CompletionResultType]::ParameterName, '没有终端时：从这个环境变量读取签名密钥库的密码（同 app inspect --storepass-env）')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, '从不提问：一次列出所有缺少或无效的答案（标准输入不是终端时也是如此）')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, '替换 beian 以前写出的资料包文件夹')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;bundle' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, '输出文件夹（默认：草稿旁的 <草稿名>-bundle）')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, '按这一天（YYYY-MM-DD）检查所有日期规则，而不是草稿的 filing_date')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, '替换已存在的资料包文件夹（仅限 beian 生成、且其中没有你添加或改动过的文件；有则列出并拒绝，从不删除）')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;templates' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, '列出模板及其来源（内置或你的覆盖文件）')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, '打印模板源文件（有覆盖文件时打印覆盖文件）')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;templates;list' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;templates;show' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;templates;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, '列出模板及其来源（内置或你的覆盖文件）')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, '打印模板源文件（有覆盖文件时打印覆盖文件）')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;templates;help;list' {
            break
        }
        'beian;templates;help;show' {
            break
        }
        'beian;templates;help;help' {
            break
        }
        'beian;types' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, '输出 JSON 而不是文本')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;completions' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;app' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, '打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;app;inspect' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '报告格式')
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, '要读取的密钥库条目（默认：全部条目）')
            [CompletionResult]::new('--storepass-env', '--storepass-env', [CompletionResultType]::ParameterName, '从这个环境变量读取密钥库密码，而不是在终端上询问')
            [CompletionResult]::new('--draft', '--draft', [CompletionResultType]::ParameterName, '与这份草稿中的 APP 比对，把不一致之处报告为问题')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, '草稿中的第几个 [[app]]，从 0 开始（默认 0）')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, '该 APP 的第几个 [[app.platform]]，从 0 开始（默认：os 与文件相符的那个）')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, '按这一天（YYYY-MM-DD）判断证书是否过期，而不是草稿的 filing_date 或今天')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, '把指纹、公钥和缺少的包名写入草稿（保留注释）')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;app;help' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, '打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;app;help;inspect' {
            break
        }
        'beian;app;help;help' {
            break
        }
        'beian;config' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, '打印配置文件的路径（文件可能还不存在）')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, '打印生效的设置和按规则调整的级别')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, '写入一份带注释的配置文件（已存在时不会覆盖）')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;config;path' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;config;show' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;config;init' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, '打印配置文件的路径（文件可能还不存在）')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, '打印生效的设置和按规则调整的级别')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, '写入一份带注释的配置文件（已存在时不会覆盖）')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;config;help;path' {
            break
        }
        'beian;config;help;show' {
            break
        }
        'beian;config;help;init' {
            break
        }
        'beian;config;help;help' {
            break
        }
        'beian;schema' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;man' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, '打印帮助')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, '打印帮助')
            break
        }
        'beian;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, '按全国和各省规则检查备案草稿')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, '列出规则或解释一条规则')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, '逐步填写一份备案（交互式向导），或用 --no-input 从答案文件生成')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, '生成备案资料包：材料清单、填好的表格和函件、可打印的报告')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, '列出资料包模板或显示其中一个（在配置目录的 templates 中放同名文件即可覆盖）')
            [CompletionResult]::new('types', 'types', [CompletionResultType]::ParameterValue, '说明各备案类型：何时适用、需要填写什么、如何判断')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, '打印 shell 补全脚本（bash、zsh、fish、powershell、elvish）')
            [CompletionResult]::new('app', 'app', [CompletionResultType]::ParameterValue, '从 APK、密钥库和证书文件中读取 APP 的签名证书')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, '显示配置文件的位置和内容')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, '打印备案草稿格式的 JSON Schema（2020-12），供编辑器和校验工具使用')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, '把 man 手册页（roff）打印到标准输出')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, '打印本帮助或指定子命令的帮助')
            break
        }
        'beian;help;check' {
            break
        }
        'beian;help;rules' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, '列出规则（全国规则；加 --province 时包括该省规则）')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, '解释一条规则：检查什么、为什么、如何修改、来源')
            break
        }
        'beian;help;rules;list' {
            break
        }
        'beian;help;rules;explain' {
            break
        }
        'beian;help;new' {
            break
        }
        'beian;help;bundle' {
            break
        }
        'beian;help;templates' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, '列出模板及其来源（内置或你的覆盖文件）')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, '打印模板源文件（有覆盖文件时打印覆盖文件）')
            break
        }
        'beian;help;templates;list' {
            break
        }
        'beian;help;templates;show' {
            break
        }
        'beian;help;types' {
            break
        }
        'beian;help;completions' {
            break
        }
        'beian;help;app' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, '打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对')
            break
        }
        'beian;help;app;inspect' {
            break
        }
        'beian;help;config' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, '打印配置文件的路径（文件可能还不存在）')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, '打印生效的设置和按规则调整的级别')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, '写入一份带注释的配置文件（已存在时不会覆盖）')
            break
        }
        'beian;help;config;path' {
            break
        }
        'beian;help;config;show' {
            break
        }
        'beian;help;config;init' {
            break
        }
        'beian;help;schema' {
            break
        }
        'beian;help;man' {
            break
        }
        'beian;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
