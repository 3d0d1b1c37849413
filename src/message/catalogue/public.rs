//! Area 16 of the catalogue: what a Chinese public site shows (备案, 长辈模式, 公开 tables).

macro_rules! area_16 {
    ($($earlier:tt)*) => {
        area_17! {
            $($earlier)*
            E1601 IndexFormatUnknownField { field: String, format: String }
                => "disclosure.index_format `{format}` 中的 `{{{field}}}` 无法识别" / "`{{{field}}}` in disclosure.index_format `{format}` is not known";
            H1601 IndexFormatFields {}
                => "可用：{{org_code}} 机构代码、{{prefix}} 机关代字、{{year}} 文号年份、{{seq}} 文号序号（{{seq:05}} 补零到 5 位）" / "known: {{org_code}} organization code, {{prefix}} agency prefix, {{year}} year of the number, {{seq}} its sequence ({{seq:05}} pads it to 5 digits)";
            E1602 IndexFormatBraces { format: String }
                => "disclosure.index_format `{format}` 的花括号没有配对" / "the braces in disclosure.index_format `{format}` do not pair up";
            H1602 IndexFormatExample {}
                => "例如 index_format: \"{{org_code}}-{{year}}-{{seq:05}}\"" / "e.g. index_format: \"{{org_code}}-{{year}}-{{seq:05}}\"";
            E1603 IndexFormatWidth { spec: String }
                => "`{{seq:{spec}}}` 的位数写法不对" / "`{{seq:{spec}}}` is not a width";
            H1603 IndexFormatWidthHelp {}
                => "写成 {{seq:05}}：0 加 1 到 9 的位数" / "write it like {{seq:05}}: 0 and a width from 1 to 9";
            E1604 IndexFormatNoSeq { format: String }
                => "disclosure.index_format `{format}` 没有 {{seq}}，每条公示的索引号会相同" / "disclosure.index_format `{format}` has no {{seq}}, so every notice would get the same index number";
            E1605 IndexFormatNoOrgCode {}
                => "disclosure.index_format 用了 {{org_code}}，但没有设置 disclosure.org_code" / "disclosure.index_format uses {{org_code}} but disclosure.org_code is not set";
            H1605 OrgCodeHelp {}
                => "在 disclosure 下加上机构代码，例如 org_code: \"81420000MA0000000X\"" / "add the organization code under disclosure, e.g. org_code: \"81420000MA0000000X\"";
            E1606 PoliceNoDigits { value: String }
                => "beian.police `{value}` 中没有备案编号数字" / "beian.police `{value}` has no record number digits";
            H1606 PoliceHelp { example: String }
                => "照公安备案证书写，例如 police: {example}" / "write it as on the certificate, e.g. police: {example}";
            W1607 IcpLooksWrong { value: String }
                => "beian.icp `{value}` 不像 ICP 备案号" / "beian.icp `{value}` does not look like an ICP record number";
            H1607 IcpHelp { example: String }
                => "照工信部备案系统写，例如 icp: {example}" / "write it as the MIIT system shows it, e.g. icp: {example}";
            W1608 SiteCodeLooksWrong { value: String }
                => "beian.site_code `{value}` 不是 10 位数字的网站标识码" / "beian.site_code `{value}` is not a 10-digit site code";
            W1609 PublicSiteNoIcp { url: String }
                => "base_url `{url}` 是公网地址，但 site.yaml 没有 beian.icp" / "base_url `{url}` is a public address but site.yaml has no beian.icp";
            H1609 PublicSiteNoIcpHelp { example: String }
                => "境内网站须在首页底部展示 ICP 备案号：加上 beian: {{icp: {example}}}" / "sites hosted in mainland China must show their ICP number at the foot of the home page: add beian: {{icp: {example}}}";
            W1610 UnknownSubSetting { section: String, key: String }
                => "site.yaml 中 {section} 下的未知设置 `{key}` 已忽略" / "unknown key `{key}` under {section} in site.yaml is ignored";
        }
    };
}
