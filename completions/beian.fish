# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_beian_global_optspecs
    string join \n lang= color= h/help V/version
end

function __fish_beian_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_beian_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_beian_using_subcommand
    set -l cmd (__fish_beian_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c beian -n "__fish_beian_needs_command" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_needs_command" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_needs_command" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_needs_command" -s V -l version -d '打印版本'
complete -c beian -n "__fish_beian_needs_command" -f -a "check" -d '按全国和各省规则检查备案草稿'
complete -c beian -n "__fish_beian_needs_command" -f -a "rules" -d '列出规则或解释一条规则'
complete -c beian -n "__fish_beian_needs_command" -f -a "new" -d '逐步填写一份备案（交互式向导），或用 --no-input 从答案文件生成'
complete -c beian -n "__fish_beian_needs_command" -f -a "bundle" -d '生成备案资料包：材料清单、填好的表格和函件、可打印的报告'
complete -c beian -n "__fish_beian_needs_command" -f -a "templates" -d '列出资料包模板或显示其中一个（在配置目录的 templates 中放同名文件即可覆盖）'
complete -c beian -n "__fish_beian_needs_command" -f -a "types" -d '说明各备案类型：何时适用、需要填写什么、如何判断'
complete -c beian -n "__fish_beian_needs_command" -f -a "completions" -d '打印 shell 补全脚本（bash、zsh、fish、powershell、elvish）'
complete -c beian -n "__fish_beian_needs_command" -f -a "app" -d '从 APK、密钥库和证书文件中读取 APP 的签名证书'
complete -c beian -n "__fish_beian_needs_command" -f -a "config" -d '显示配置文件的位置和内容'
complete -c beian -n "__fish_beian_needs_command" -f -a "schema" -d '打印备案草稿格式的 JSON Schema（2020-12），供编辑器和校验工具使用'
complete -c beian -n "__fish_beian_needs_command" -f -a "man" -d '把 man 手册页（roff）打印到标准输出'
complete -c beian -n "__fish_beian_needs_command" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand check" -l format -d '报告格式' -r -f -a "table\t''
json\t''
csv\t'One row per draft, then cross-draft findings and totals'
junit\t'JUnit XML: one test case per draft'
sarif\t'SARIF 2.1.0 for code-scanning tools'
github\t'GitHub Actions workflow annotations'"
complete -c beian -n "__fish_beian_using_subcommand check" -l as-of -d '按这一天（YYYY-MM-DD）检查所有日期规则，而不是草稿的 filing_date' -r
complete -c beian -n "__fish_beian_using_subcommand check" -l allow -d '本次运行忽略这条规则的问题（可重复；在配置文件的覆盖之后生效）' -r
complete -c beian -n "__fish_beian_using_subcommand check" -l warn -d '本次运行把这条规则的问题当作警告（可重复）' -r
complete -c beian -n "__fish_beian_using_subcommand check" -l deny -d '本次运行把这条规则的问题当作错误（可重复）' -r
complete -c beian -n "__fish_beian_using_subcommand check" -s j -l jobs -d '同时检查的草稿数（默认：每个 CPU 核心一个）' -r
complete -c beian -n "__fish_beian_using_subcommand check" -l fail-on -d '出现这一级别或更严重的问题时以状态 1 退出' -r -f -a "error\t''
warning\t''"
complete -c beian -n "__fish_beian_using_subcommand check" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand check" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand check" -l require-materials -d '把 [materials] 中缺少的材料当作错误'
complete -c beian -n "__fish_beian_using_subcommand check" -l no-checklist -d '表格报告中不显示材料清单'
complete -c beian -n "__fish_beian_using_subcommand check" -s q -l quiet -d '不在标准错误上显示进度条（标准输出上的报告不变）'
complete -c beian -n "__fish_beian_using_subcommand check" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand rules; and not __fish_seen_subcommand_from list explain help" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand rules; and not __fish_seen_subcommand_from list explain help" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand rules; and not __fish_seen_subcommand_from list explain help" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand rules; and not __fish_seen_subcommand_from list explain help" -f -a "list" -d '列出规则（全国规则；加 --province 时包括该省规则）'
complete -c beian -n "__fish_beian_using_subcommand rules; and not __fish_seen_subcommand_from list explain help" -f -a "explain" -d '解释一条规则：检查什么、为什么、如何修改、来源'
complete -c beian -n "__fish_beian_using_subcommand rules; and not __fish_seen_subcommand_from list explain help" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from list" -l province -d '备案地域：广东、广东省、44 或 guangdong' -r
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from list" -l type -d '只列出适用于该备案类型的规则：first、new_service、new_access、change、cancel、transfer（或中文名称）' -r
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from list" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from list" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from list" -l json -d '输出 JSON 而不是表格'
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from list" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from explain" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from explain" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from explain" -l json -d '输出 JSON 而不是文本'
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from explain" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "list" -d '列出规则（全国规则；加 --province 时包括该省规则）'
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "explain" -d '解释一条规则：检查什么、为什么、如何修改、来源'
complete -c beian -n "__fish_beian_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand new" -l out -d '写入草稿及备案资料包的文件夹（须不存在或为空）' -r -F
complete -c beian -n "__fish_beian_using_subcommand new" -l resume -d '继续上次中断的向导（默认：最近保存的草稿）' -r -F
complete -c beian -n "__fish_beian_using_subcommand new" -l answers -d '从草稿文件（完整或部分）预填答案；预填的答案会被检查而不再询问' -r -F
complete -c beian -n "__fish_beian_using_subcommand new" -l set -d '按点分键预填一个答案，例如 principal.province=广东（可重复）' -r
complete -c beian -n "__fish_beian_using_subcommand new" -l storepass-env -d '没有终端时：从这个环境变量读取签名密钥库的密码（同 app inspect --storepass-env）' -r
complete -c beian -n "__fish_beian_using_subcommand new" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand new" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand new" -l no-input -d '从不提问：一次列出所有缺少或无效的答案（标准输入不是终端时也是如此）'
complete -c beian -n "__fish_beian_using_subcommand new" -l force -d '替换 beian 以前写出的资料包文件夹'
complete -c beian -n "__fish_beian_using_subcommand new" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand bundle" -l out -d '输出文件夹（默认：草稿旁的 <草稿名>-bundle）' -r -F
complete -c beian -n "__fish_beian_using_subcommand bundle" -l as-of -d '按这一天（YYYY-MM-DD）检查所有日期规则，而不是草稿的 filing_date' -r
complete -c beian -n "__fish_beian_using_subcommand bundle" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand bundle" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand bundle" -l force -d '替换已存在的资料包文件夹（仅限 beian 生成、且其中没有你添加或改动过的文件；有则列出并拒绝，从不删除）'
complete -c beian -n "__fish_beian_using_subcommand bundle" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand templates; and not __fish_seen_subcommand_from list show help" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand templates; and not __fish_seen_subcommand_from list show help" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand templates; and not __fish_seen_subcommand_from list show help" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand templates; and not __fish_seen_subcommand_from list show help" -f -a "list" -d '列出模板及其来源（内置或你的覆盖文件）'
complete -c beian -n "__fish_beian_using_subcommand templates; and not __fish_seen_subcommand_from list show help" -f -a "show" -d '打印模板源文件（有覆盖文件时打印覆盖文件）'
complete -c beian -n "__fish_beian_using_subcommand templates; and not __fish_seen_subcommand_from list show help" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand templates; and __fish_seen_subcommand_from list" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand templates; and __fish_seen_subcommand_from list" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand templates; and __fish_seen_subcommand_from list" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand templates; and __fish_seen_subcommand_from show" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand templates; and __fish_seen_subcommand_from show" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand templates; and __fish_seen_subcommand_from show" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "list" -d '列出模板及其来源（内置或你的覆盖文件）'
complete -c beian -n "__fish_beian_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "show" -d '打印模板源文件（有覆盖文件时打印覆盖文件）'
complete -c beian -n "__fish_beian_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand types" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand types" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand types" -l json -d '输出 JSON 而不是文本'
complete -c beian -n "__fish_beian_using_subcommand types" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand completions" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand completions" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand completions" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand app; and not __fish_seen_subcommand_from inspect help" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand app; and not __fish_seen_subcommand_from inspect help" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand app; and not __fish_seen_subcommand_from inspect help" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand app; and not __fish_seen_subcommand_from inspect help" -f -a "inspect" -d '打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对'
complete -c beian -n "__fish_beian_using_subcommand app; and not __fish_seen_subcommand_from inspect help" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l format -d '报告格式' -r -f -a "table\t''
json\t''"
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l alias -d '要读取的密钥库条目（默认：全部条目）' -r
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l storepass-env -d '从这个环境变量读取密钥库密码，而不是在终端上询问' -r
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l draft -d '与这份草稿中的 APP 比对，把不一致之处报告为问题' -r -F
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l app -d '草稿中的第几个 [[app]]，从 0 开始（默认 0）' -r
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l platform -d '该 APP 的第几个 [[app.platform]]，从 0 开始（默认：os 与文件相符的那个）' -r
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l as-of -d '按这一天（YYYY-MM-DD）判断证书是否过期，而不是草稿的 filing_date 或今天' -r
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -l write -d '把指纹、公钥和缺少的包名写入草稿（保留注释）'
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from inspect" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from help" -f -a "inspect" -d '打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对'
complete -c beian -n "__fish_beian_using_subcommand app; and __fish_seen_subcommand_from help" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "path" -d '打印配置文件的路径（文件可能还不存在）'
complete -c beian -n "__fish_beian_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "show" -d '打印生效的设置和按规则调整的级别'
complete -c beian -n "__fish_beian_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "init" -d '写入一份带注释的配置文件（已存在时不会覆盖）'
complete -c beian -n "__fish_beian_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from path" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from show" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from init" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d '打印配置文件的路径（文件可能还不存在）'
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d '打印生效的设置和按规则调整的级别'
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d '写入一份带注释的配置文件（已存在时不会覆盖）'
complete -c beian -n "__fish_beian_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand schema" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand schema" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand schema" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand man" -l lang -d '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）' -r -f -a "zh\t''
en\t''"
complete -c beian -n "__fish_beian_using_subcommand man" -l color -d '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色' -r -f -a "auto\t''
always\t''
never\t''"
complete -c beian -n "__fish_beian_using_subcommand man" -s h -l help -d '打印帮助'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "check" -d '按全国和各省规则检查备案草稿'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "rules" -d '列出规则或解释一条规则'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "new" -d '逐步填写一份备案（交互式向导），或用 --no-input 从答案文件生成'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "bundle" -d '生成备案资料包：材料清单、填好的表格和函件、可打印的报告'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "templates" -d '列出资料包模板或显示其中一个（在配置目录的 templates 中放同名文件即可覆盖）'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "types" -d '说明各备案类型：何时适用、需要填写什么、如何判断'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "completions" -d '打印 shell 补全脚本（bash、zsh、fish、powershell、elvish）'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "app" -d '从 APK、密钥库和证书文件中读取 APP 的签名证书'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "config" -d '显示配置文件的位置和内容'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "schema" -d '打印备案草稿格式的 JSON Schema（2020-12），供编辑器和校验工具使用'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "man" -d '把 man 手册页（roff）打印到标准输出'
complete -c beian -n "__fish_beian_using_subcommand help; and not __fish_seen_subcommand_from check rules new bundle templates types completions app config schema man help" -f -a "help" -d '打印本帮助或指定子命令的帮助'
complete -c beian -n "__fish_beian_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "list" -d '列出规则（全国规则；加 --province 时包括该省规则）'
complete -c beian -n "__fish_beian_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "explain" -d '解释一条规则：检查什么、为什么、如何修改、来源'
complete -c beian -n "__fish_beian_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "list" -d '列出模板及其来源（内置或你的覆盖文件）'
complete -c beian -n "__fish_beian_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "show" -d '打印模板源文件（有覆盖文件时打印覆盖文件）'
complete -c beian -n "__fish_beian_using_subcommand help; and __fish_seen_subcommand_from app" -f -a "inspect" -d '打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对'
complete -c beian -n "__fish_beian_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d '打印配置文件的路径（文件可能还不存在）'
complete -c beian -n "__fish_beian_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d '打印生效的设置和按规则调整的级别'
complete -c beian -n "__fish_beian_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d '写入一份带注释的配置文件（已存在时不会覆盖）'
