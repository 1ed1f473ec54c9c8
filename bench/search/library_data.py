"""The hand-written part of the evaluation library: one line per document.

``key|unit|kind|interpretation|title|subject|measures``

- unit: a key of ``library_units.UNITS``; kind: N 行政规范性文件, P 其他政策文件,
  A 公告公示, O 其他文件; interpretation: T 文字解读, G 图解, Q 问答, - none.
- subject: what the document is about, in English, in words that avoid its title's key
  terms (the query writers see only this).
- measures: the document's own provisions, separated by ；. The generator
  (``library.py``) surrounds them with the usual articles of a district document.

Titles, 文号, units and every figure are invented for the benchmark.
"""

LINES = """
hs01|zjj|N|T|黄埔区公共租赁住房申请审核实施细则|how low-income households apply for government-owned flats let at below-market rent and how their eligibility is checked|申请公共租赁住房的家庭应当具有本区户籍，人均可支配收入低于上年度全区平均水平的百分之六十；申请人向户籍所在街道提交申请，街道在十个工作日内完成初审并张榜公示；区住房城乡建设局对初审合格的家庭进行收入和住房状况复核
hs02|zjj|N|T|黄埔区公共租赁住房租金标准和租金补贴办法|how the monthly rent of state-owned low-rent flats is set and discounted for the poorest tenants|公共租赁住房租金按照同地段市场租金的百分之五十确定；最低生活保障家庭按照租金标准的百分之十缴纳租金；租金标准每两年评估调整一次并向社会公布
hs03|zjj|N|-|黄埔区公共租赁住房退出管理办法|when tenants of government rental flats must move out and what happens if they refuse|承租家庭收入连续两年超过规定标准的，应当在六个月内腾退；拒不腾退的按照市场租金计收租金并依法申请强制执行；无正当理由连续六个月未在公共租赁住房居住的，收回住房
hs04|zjj|N|T|黄埔区发放住房租赁补贴实施办法|monthly cash help for families who rent a home on the private market instead of being allocated a state flat|符合公共租赁住房保障条件的家庭可以选择领取住房租赁补贴；补贴标准为每人每月二十五元每平方米，按保障面积计算；补贴按季度发放至申请人银行账户
hs05|zjj|N|T|黄埔区人才住房管理办法|homes reserved for recruited specialists and skilled newcomers, and who qualifies|人才住房面向经认定的高层次人才和紧缺专业人才配租配售；配租人才住房租金不高于市场租金的百分之七十；人才在本区工作满五年的可以申请购买所租住房
hs06|zjj|P|-|黄埔区2025年保障性住房建设计划|how many affordable homes the district will build or acquire this year|2025年计划筹集保障性租赁住房三千套；新开工公共租赁住房五百套；各街道配合做好项目用地和配套设施建设
hs07|zjj|N|G|黄埔区保障性租赁住房项目认定办法|how a landlord or developer gets a rental project recognised as affordable and what benefits follow|保障性租赁住房项目由区住房城乡建设局会同规划资源部门认定并出具项目认定书；取得认定书的项目按规定享受税费减免和民用水电气价格；租金不高于同地段同品质市场租赁住房租金的百分之九十
hs08|zjj|N|-|黄埔区住房租赁市场管理办法|rules for letting agencies and landlords renting out homes, deposits and contract registration|住房租赁企业应当在开业前向区住房城乡建设局报送开业信息；出租人应当在租赁合同签订后三十日内办理网签备案；租赁企业收取的押金不得超过一个月租金
hs09|cgj|P|T|黄埔区老旧小区改造专项资金管理办法|how money for refurbishing ageing residential estates is allocated and checked|老旧小区改造资金实行项目库管理；加装电梯、管网改造、外墙整治列入基础类改造内容；改造完成后由街道组织居民代表参与验收
hs10|zjj|N|Q|黄埔区既有住宅增设电梯实施办法|putting lifts into older walk-up apartment blocks, owner consent and subsidy|既有住宅增设电梯应当经本单元房屋专有部分占建筑物总面积三分之二以上的业主同意；区财政对每台电梯给予十五万元补助；街道设立协调工作站调解业主之间的分歧
hs11|zjj|N|-|黄埔区物业服务收费管理办法|what residential estate management companies may charge and how fees are disclosed|物业服务收费实行政府指导价和市场调节价；物业服务企业应当在小区显著位置公示收费项目和标准；业主大会可以决定续聘或者解聘物业服务企业
hs12|zjj|P|-|关于做好住房公积金提取支付房租工作的通知|using one's housing provident savings to pay monthly rent|职工连续足额缴存住房公积金满三个月且本人及配偶在本市无自有住房的，可以提取住房公积金支付房租；每月提取额度不超过一千五百元；可通过线上渠道办理
hs13|cgj|N|T|黄埔区城中村改造实施办法|redeveloping urban villages, compensation for villagers and resettlement|城中村改造应当编制改造方案并经村集体经济组织成员表决同意；被拆迁村民可以选择货币补偿或者复建安置；安置房应当先于融资区开工建设
hs14|zjj|A|-|关于2025年第二批公共租赁住房轮候家庭配租结果的公示|names of families on the waiting list who were allocated a state flat in the second batch this year|本批次共有二百一十六户轮候家庭完成配租；公示期为七个工作日；对公示结果有异议的可以向区住房城乡建设局书面反映
hs15|zjj|P|-|黄埔区房屋安全隐患排查整治工作方案|finding and fixing structurally unsafe buildings and self-built houses|对经营性自建房开展全面排查并建立台账；鉴定为危房的应当立即停止使用并撤离人员；街道每季度对整治情况进行复查
hs16|zjj|N|-|黄埔区新建商品住房交付使用管理规定|what developers must have finished before handing new flats over to buyers|商品住房交付前应当完成竣工验收备案；供水供电燃气等配套设施应当具备使用条件；开发企业应当在交付现场公示验收资料
hs17|zjj|A|-|关于开展2025年度公共租赁住房资格年审的通告|the yearly recheck of households already living in state rental flats|承租家庭应当在规定时间内向所在街道提交收入和住房情况申报表；未按期参加年审的暂停租金补贴；年审结果在区政府门户网站公布
hs18|cgj|P|-|黄埔区城市更新项目公众参与办法|how residents are consulted before a neighbourhood renewal project goes ahead|城市更新项目在方案编制阶段应当征求权利主体意见；意见征集不少于三十日；项目批复后在现场公示牌公开主要指标

ed01|jyj|N|T|黄埔区义务教育阶段学校招生入学实施办法|how children get a place in primary and junior secondary school, catchment and documents|义务教育阶段学校招生实行免试就近入学；适龄儿童凭户口簿和房产证明在规定时间内网上报名；积分入学按照积分高低排序安排学位
ed02|jyj|N|T|黄埔区来穗人员随迁子女积分入学办法|school places for children of migrant workers based on a points score|来穗人员随迁子女申请积分入学应当持有本市居住证；积分由居住年限、社保缴纳年限和合法稳定住所等指标构成；积分申请每年四月集中受理
ed03|jyj|N|Q|黄埔区中小学生转学管理办法|moving a pupil from one school to another mid-course, within or into the district|学生转学由家长向转入学校提出申请；转入学校同意后由转出学校办理学籍转接手续；跨区转学应当提供新住址证明
ed04|jyj|P|T|黄埔区中小学课后服务实施方案|after-class activities and supervision at school until parents finish work|课后服务时间一般为下午放学后至十八时；课后服务坚持学生家长自愿参加；学校可以引进经审核的非营利机构提供课后服务
ed05|jyj|N|-|黄埔区普惠性民办幼儿园认定和管理办法|private nurseries that charge capped fees in exchange for public money|普惠性民办幼儿园保教费实行政府指导价；认定后每生每年给予三千元补助；年度考核不合格的取消认定
ed06|jyj|P|-|黄埔区2025年中考报名工作方案|registration for the senior-high entrance exam at the end of junior school|中考报名采用网上报名方式；应届毕业生由所在学校统一组织报名；往届生和非本市户籍考生到区招生考试机构现场确认
ed07|jyj|N|T|黄埔区家庭经济困难学生资助办法|grants and fee waivers for pupils from poor families|家庭经济困难学生资助覆盖学前教育至高中阶段；资助对象由学校组织认定并公示；特困供养和低保家庭学生优先资助
ed08|jyj|N|-|黄埔区校外培训机构监督管理办法|supervising private tutoring companies outside school hours|校外培训机构应当取得办学许可证；学科类培训不得占用国家法定节假日；预收费用应当纳入资金监管账户
ed09|jyj|P|-|黄埔区教师招聘工作方案|hiring new teachers for public schools this year|2025年面向社会公开招聘中小学教师二百名；应聘人员须具有相应教师资格证；招聘按照笔试、面试、体检、考察程序进行
ed10|jyj|N|-|黄埔区中小学校园安全管理规定|keeping pupils safe on school grounds, guards and emergency drills|学校应当配备专职保安人员并落实门卫登记制度；每学期至少开展一次应急疏散演练；校园周边二百米范围内不得设置网吧
ed11|jyj|P|G|黄埔区学前教育发展提升行动计划（2025—2027年）|a three-year plan to expand early-years places before primary school|到2027年公办幼儿园在园幼儿占比达到百分之五十五；新建住宅小区配套幼儿园应当同步规划同步建设；推动幼儿园与小学科学衔接
ed12|jyj|N|-|黄埔区特殊教育学生随班就读管理办法|children with disabilities studying in ordinary classes|残疾儿童少年随班就读由家长申请，学校组织评估；随班就读学校设置资源教室；特殊教育指导中心提供巡回指导
ed13|jyj|P|-|黄埔区中小学生午餐配餐管理工作方案|school lunch supply and meal companies for pupils|学生午餐由具备资质的配餐企业供应；学校落实校领导陪餐制度；配餐价格经家长委员会协商后公示
ed14|jyj|N|-|黄埔区民办学校收费管理办法|fees charged by private schools and refunds|民办学校收费项目和标准应当报区教育局备案；不得以任何名义收取与入学挂钩的费用；学生中途退学的按照未就读时间退还学费
ed15|jyj|P|T|黄埔区职业教育产教融合实施方案|linking vocational colleges with local factories for apprenticeships|推动职业院校与区内企业共建实训基地；企业接收学生实习的按规定给予补贴；开展现代学徒制试点
ed16|jyj|A|-|关于2025年小学一年级新生入学报名的通告|the sign-up window for first-year primary school entry this summer|报名时间为五月十日至五月二十日；家长通过区义务教育招生平台网上报名；报名结果于七月上旬公布
ed17|jyj|N|-|黄埔区学生体质健康监测管理办法|yearly fitness and health testing of pupils|每学年对学生进行一次体质健康测试；测试结果记入学生成长档案；近视和肥胖学生实行分类干预
ed18|jyj|P|-|黄埔区中小学生心理健康教育工作方案|mental wellbeing support and counselling for pupils|每所学校至少配备一名专职心理健康教师；建立学生心理健康档案和危机干预机制；每学期开展家长心理健康讲座
ed19|jyj|N|-|黄埔区校车安全管理办法|buses that carry pupils to school, drivers and routes|校车应当取得校车使用许可；校车驾驶人须具有三年以上驾驶经历；校车行驶线路应当报公安交通管理部门备案
ed20|jyj|P|-|黄埔区义务教育学校课后托管服务收费指引|what schools may charge parents for keeping pupils after class|课后服务收费按照成本分担原则由家长和财政共同承担；收费标准每生每学期不超过四百元；家庭经济困难学生免收费用

em01|rsj|N|T|黄埔区促进高校毕业生就业创业若干措施|helping new graduates find jobs or start businesses|对吸纳高校毕业生就业的中小微企业给予每人三千元一次性补贴；高校毕业生创办企业的可申请最高三十万元创业担保贷款；毕业两年内未就业的可参加免费职业培训
em02|rsj|N|T|黄埔区创业担保贷款及贴息实施办法|government-backed start-up loans with interest paid by the district|个人创业担保贷款额度最高三十万元；小微企业贷款额度最高五百万元；符合条件的借款人按贷款利率的一定比例给予贴息
em03|rsj|N|Q|黄埔区职业技能提升补贴实施办法|money back for workers who earn a vocational skills certificate|取得职业资格证书或职业技能等级证书的参保职工可申领技能提升补贴；初级工一千元，中级工一千五百元，高级工两千元；每人每年享受补贴不超过三次
em04|rsj|P|-|黄埔区2025年春风行动招聘会工作方案|a series of hiring fairs after the spring festival|春节后组织专场招聘会二十场；重点面向农村劳动力和就业困难人员；设置线上直播带岗专区
em05|rsj|N|T|黄埔区就业困难人员认定和援助办法|identifying jobless people who struggle to find work and the help they get|就业困难人员包括大龄失业人员、残疾人和零就业家庭成员；经认定的可享受公益性岗位安置；灵活就业的就业困难人员给予社会保险补贴
em06|rsj|N|-|黄埔区公益性岗位开发管理办法|publicly funded community jobs for hard-to-employ residents|公益性岗位主要用于安置就业困难人员；岗位补贴按照最低工资标准给予；岗位期限一般不超过三年
em07|rsj|P|T|黄埔区根治拖欠农民工工资工作方案|stopping employers and contractors from withholding migrant labourers' pay|工程建设项目全面实行农民工工资专用账户和总包代发制度；建立欠薪线索受理和快速处置机制；对恶意欠薪的依法移送公安机关
em08|rsj|N|-|黄埔区劳动人事争议调解仲裁工作规则|settling disputes between employees and employers without going to court|劳动争议发生后当事人可以向调解组织申请调解；调解不成的可以向区劳动人事争议仲裁委员会申请仲裁；仲裁申请时效为一年
em09|rsj|P|-|黄埔区技能人才评价工作实施方案|companies assessing their own workers' skill levels|支持符合条件的企业开展职业技能等级自主评价；评价结果纳入全国技能人才评价证书查询系统；社会培训评价组织实行目录管理
em10|rsj|N|T|黄埔区企业稳岗返还实施办法|refunding part of unemployment contributions to firms that avoid layoffs|上年度未裁员或裁员率低于规定标准的参保企业可享受稳岗返还；中小微企业返还比例为企业上年度实际缴纳失业保险费的百分之六十；返还资金实行免申即享
em11|rsj|A|-|关于2025年黄埔区事业单位公开招聘工作人员的公告|recruitment of staff for public institutions this year, posts and exam|本次公开招聘事业单位工作人员一百二十名；报名采取网上报名方式；笔试科目为公共基础知识
em12|rsj|N|-|黄埔区高层次人才认定和服务办法|recognising top-tier experts and the services they receive|高层次人才分为杰出人才、优秀人才和精英人才三类；经认定的人才可享受子女入学、医疗保健等服务；人才认定每年受理两次
em13|rsj|P|-|黄埔区零工市场建设工作方案|a place where casual and gig workers meet short-term employers|在区公共就业服务中心设立零工市场；提供即时快招和岗位推送服务；零工人员可免费参加技能培训
em14|rsj|N|-|黄埔区见习基地管理和就业见习补贴办法|paid traineeships for young jobseekers at host companies|见习基地吸纳十六至二十四岁失业青年参加就业见习的给予见习补贴；补贴标准为本市最低工资标准的百分之六十；见习期满留用的再给予留用补贴
em15|rsj|P|-|黄埔区退役运动员就业安置办法|jobs for retired professional sports people|退役运动员可参加免费职业技能培训；鼓励企业吸纳退役运动员就业；符合条件的纳入就业困难人员援助范围
em16|rsj|N|T|黄埔区灵活就业人员参加社会保险补贴办法|helping freelancers and odd-job workers pay their pension and health contributions|灵活就业人员按规定参加企业职工基本养老保险的，给予缴费额三分之二的补贴；补贴期限最长三年；距法定退休年龄不足五年的可延长至退休

ss01|mzj|N|T|黄埔区最低生活保障实施办法|minimum income support for households below the subsistence line|最低生活保障标准为每人每月一千三百三十元；申请家庭人均收入低于标准且财产符合规定的可以申请；街道受理后进行家庭经济状况核对和入户调查
ss02|mzj|N|T|黄埔区特困人员救助供养办法|support for people with no income, no ability to work and no one to support them|特困人员包括无劳动能力、无生活来源、无法定赡养抚养扶养义务人的老年人、残疾人和未成年人；基本生活标准不低于最低生活保障标准的一点六倍；可以选择在家分散供养或者在机构集中供养
ss03|mzj|N|Q|黄埔区临时救助实施办法|one-off emergency cash for families hit by sudden hardship|因火灾、交通事故等意外事件导致基本生活暂时出现严重困难的家庭可以申请临时救助；救助金额一般不超过最低生活保障标准的六倍；情况紧急的先行救助后补办手续
ss04|ybj|N|T|黄埔区城乡居民基本医疗保险实施细则|the health insurance scheme for residents who are not employees: who joins and what it pays|城乡居民医保按年度缴费，缴费期为每年九月至十二月；住院费用在起付线以上按比例报销；大学生和中小学生以学校为单位参保
ss05|ybj|N|T|黄埔区门诊特定病种管理办法|outpatient cover for long-term chronic illnesses like kidney failure|门诊特定病种包括恶性肿瘤门诊治疗、尿毒症透析等；参保人经定点医疗机构鉴定后享受待遇；门诊特定病种不设起付线
ss06|ybj|N|-|黄埔区医疗救助实施办法|extra help with medical bills for the poorest after insurance has paid|医疗救助对象包括低保对象、特困人员和低收入家庭成员；政策范围内个人自付费用按比例给予救助；年度救助限额为十万元
ss07|mzj|N|-|黄埔区困难残疾人生活补贴和重度残疾人护理补贴发放办法|monthly allowances for disabled people who are poor or need constant care|困难残疾人生活补贴每人每月二百元；一级二级重度残疾人护理补贴每人每月二百五十元；补贴按月发放至残疾人本人账户
ss08|mzj|P|-|黄埔区2025年社会救助兜底保障工作方案|this year's safety-net plan for vulnerable residents|建立低收入人口动态监测信息平台；对监测发现的困难群众及时给予救助；推进社会救助服务向街道社区延伸
ss09|mzj|N|T|黄埔区孤儿和事实无人抚养儿童保障办法|support for children without parents or whose parents cannot care for them|孤儿基本生活费每人每月两千二百元；事实无人抚养儿童参照孤儿标准发放；儿童主任负责定期走访和信息更新
ss10|ybj|P|-|关于做好2026年度城乡居民医保参保缴费工作的通知|paying next year's residents' health cover contribution, deadline and channels|2026年度城乡居民医保个人缴费标准为每人每年三百八十元；缴费可通过微信、支付宝和银行柜面办理；困难群众个人缴费部分由医疗救助资金资助
ss11|mzj|N|-|黄埔区殡葬管理办法|funerals, cremation and burial rules in the district|全区实行火化；惠民殡葬政策免除基本殡葬服务费用；禁止在公墓以外的区域建坟
ss12|mzj|P|-|黄埔区婚姻登记服务工作规程|registering a marriage or divorce at the civil affairs office|婚姻登记实行预约办理；内地居民办理结婚登记应当出具身份证和户口簿；离婚登记设三十日冷静期
ss13|rsj|N|T|黄埔区城乡居民基本养老保险实施办法|the pension scheme for residents without an employer, contribution levels and monthly benefit|城乡居民养老保险设十二个缴费档次；年满六十周岁且累计缴费满十五年的按月领取养老金；政府对参保人缴费给予补贴
ss14|rsj|P|-|黄埔区工伤保险工作指引|insurance for injuries and illnesses caused by work, reporting and compensation|用人单位应当在事故发生之日起三十日内提出工伤认定申请；职工可以在一年内自行申请；工伤职工的医疗费用由工伤保险基金支付
ss15|ybj|N|-|黄埔区长期护理保险试点实施办法|insurance paying for daily care of people who cannot look after themselves|长期护理保险覆盖职工医保参保人；经评估失能等级达到规定标准的享受护理待遇；居家护理和机构护理按不同比例支付
ss16|mzj|N|-|黄埔区低收入家庭认定办法|how households just above the poverty line are identified for help|低收入家庭人均收入不超过最低生活保障标准的一点五倍；认定后可以享受医疗、教育、住房等专项救助；认定结果每年复核一次
ss17|ybj|P|Q|黄埔区医保异地就医直接结算工作指引|getting hospital bills settled directly when treated in another city|参保人异地就医前应当办理备案；备案可以通过国家医保服务平台办理；异地就医住院费用实行直接结算
ss18|mzj|N|-|黄埔区残疾人就业保障金征收使用管理办法|the levy on employers who hire too few disabled workers|用人单位安排残疾人就业比例不得低于职工总数的百分之一点五；未达到比例的缴纳残疾人就业保障金；小微企业按规定免征

bz01|kjj|N|T|黄埔区促进科技创新若干措施|subsidies for research and development at local firms|对研发投入增长的企业按增量给予最高二百万元奖励；新认定的国家级科技创新平台给予五百万元支持；支持企业与高校共建联合实验室
bz02|kjj|N|T|黄埔区高新技术企业培育扶持办法|support for companies seeking the national high-tech enterprise label|首次认定为高新技术企业的给予三十万元奖励；进入培育库的企业给予辅导服务；重新认定通过的给予十万元奖励
bz03|gxj|N|T|黄埔区专精特新中小企业培育办法|nurturing small specialised manufacturers with niche products|新认定为国家级专精特新小巨人企业的奖励一百万元；省级专精特新中小企业奖励二十万元；建立梯度培育库
bz04|swj|N|-|黄埔区促进消费若干措施|boosting shopping and spending in local stores and restaurants|发放消费券带动餐饮零售消费；支持举办购物节和夜间消费活动；对新开业的品牌首店给予奖励
bz05|gxj|N|T|黄埔区制造业数字化转型扶持办法|moving factories onto digital production systems|对企业实施智能化改造的按设备投资额的百分之十给予补助；最高补助一千万元；支持建设工业互联网标杆示范项目
bz06|fgj|N|-|黄埔区企业投资项目备案管理办法|registering a private capital project with the authorities before building|企业投资项目实行备案管理的，通过在线平台办理；备案机关收到全部信息即为备案；项目信息发生较大变更的应当及时告知
bz07|scj|N|T|黄埔区市场主体登记注册便利化措施|making it easier to register a new company or shop|企业开办时间压缩至一个工作日；推行住所申报承诺制；个体工商户登记实行全程网办
bz08|swj|P|-|黄埔区外贸企业稳订单拓市场工作方案|helping exporters keep orders and find new markets abroad|支持企业参加境外展会，按展位费的百分之七十给予补贴；扩大出口信用保险覆盖面；开展跨境电商培训
bz09|jrj|N|T|黄埔区中小企业融资风险补偿资金管理办法|a fund covering part of banks' losses on loans to small companies|合作银行向中小企业发放贷款形成不良的，风险补偿资金按照损失的百分之五十给予补偿；单户企业贷款额度不超过一千万元；风险补偿资金实行专户管理
bz10|tcj|N|-|黄埔区招商引资奖励办法|rewards for bringing new investors and company headquarters into the district|新引进总部企业按实缴注册资本给予落户奖励；中介机构引进项目的给予引荐奖励；重大项目实行一事一议
bz11|zscq|N|T|黄埔区知识产权资助办法|grants for patents, trademarks and their protection|发明专利授权的每件资助五千元；获得中国专利奖的给予奖励；企业开展知识产权质押融资的给予贴息
bz12|scj|P|-|黄埔区个体工商户扶持工作方案|support for sole traders and family-run shops|个体工商户可申请免费技能培训和创业指导；推动金融机构发放个体工商户信用贷款；减免小规模经营者部分行政事业性收费
bz13|swj|N|-|黄埔区电子商务发展扶持办法|grants for online retail and live-stream selling businesses|年网络零售额首次超过一亿元的电商企业奖励五十万元；支持建设直播电商基地；开展电商人才培训
bz14|fgj|P|G|黄埔区优化营商环境改革实施方案|a package of reforms to make the district friendlier to companies|推行涉企审批一网通办；建立企业诉求快速响应机制；开展营商环境第三方评估
bz15|czj|N|-|黄埔区政府采购支持中小企业发展实施办法|reserving part of public purchasing for small companies|政府采购预留份额专门面向中小企业；对小微企业报价给予百分之十的价格扣除；采购人应当及时支付中小企业款项
bz16|gxj|N|-|黄埔区工业用地提质增效管理办法|making better use of land zoned for factories|新增工业用地实行弹性年期出让；鼓励工业用地提高容积率；闲置工业用地依法收回
bz17|kjj|N|T|黄埔区科技企业孵化器和众创空间管理办法|incubators and shared workspaces for young tech companies|经认定的国家级孵化器给予一百万元奖励；孵化器对在孵企业提供场地和创业辅导；每年开展运营绩效评价
bz18|swj|P|-|黄埔区老字号保护与发展工作方案|protecting time-honoured local brands and traditional shops|建立老字号名录；支持老字号企业开设旗舰店；对老字号传统技艺传承人给予补助
bz19|fgj|N|-|黄埔区涉企收费目录清单管理办法|listing every fee a company can be charged by government bodies|涉企行政事业性收费实行目录清单管理；清单之外一律不得收费；清单在区政府门户网站公开
bz20|scj|N|T|黄埔区包容审慎监管免罚清单|not fining businesses for first-time minor breaches|首次违法且危害后果轻微并及时改正的不予行政处罚；清单涵盖市场监管领域三十项事项；执法人员应当对当事人进行教育引导
bz21|jrj|P|-|黄埔区推动企业上市工作方案|helping local companies list on the stock exchange|对在境内外上市的企业分阶段给予奖励；建立上市后备企业库；协调解决企业上市过程中的历史遗留问题
bz22|gxj|N|-|黄埔区促进生物医药产业发展办法|support for drug and medical device makers|对获得新药证书的企业给予最高一千万元奖励；支持建设公共技术服务平台；临床试验费用给予补助
bz23|swj|N|-|黄埔区夜间经济发展扶持办法|bringing life to evening markets, food streets and late-night trade|认定一批夜间经济集聚区；夜间经营活动在规定区域内放宽外摆限制；对夜市品牌活动给予补贴
bz24|gxj|P|-|黄埔区新能源汽车产业发展三年行动方案|electric and hydrogen vehicle industry growth plan|打造新能源汽车整车和零部件产业集群；加快建设公共充电基础设施；支持氢燃料电池汽车示范应用
bz25|kjj|N|-|黄埔区科技创新券实施办法|vouchers small firms spend on testing and research services|科技型中小企业可申领创新券；创新券用于购买检验检测、研发设计等服务；单家企业每年最高使用二十万元
bz26|fgj|P|T|黄埔区惠企政策免申即享工作方案|businesses receiving grants automatically without having to apply|通过数据比对主动识别符合条件的企业；资金直接拨付至企业账户；免申即享事项清单动态调整
bz27|scj|P|-|黄埔区食品小作坊和小餐饮管理办法|small food workshops and snack stalls, registration and hygiene|食品小作坊实行登记管理；小餐饮应当公示登记证；从业人员应当持有健康证明

el01|mzj|N|T|黄埔区居家养老服务补贴办法|paid home help for elderly people living in their own homes|经评估需要照料的老年人可申请居家养老服务补贴；补贴以服务券形式发放；失能老年人每月补贴标准最高八百元
el02|mzj|N|T|黄埔区长者饭堂建设和运营管理办法|canteens serving cheap meals to older residents|长者饭堂为六十岁以上老年人提供助餐服务；特困、低保老年人就餐给予每餐十元补贴；长者饭堂应当公示菜谱和价格
el03|mzj|N|-|黄埔区养老机构扶持办法|subsidies for care homes: building grants and per-bed operating support|新建养老机构每张床位给予一万元建设补贴；护理型床位按照收住失能老人数量给予运营补贴；养老机构应当取得备案
el04|mzj|N|T|黄埔区高龄老人津贴发放办法|monthly allowance paid to residents over a certain great age|八十周岁至八十九周岁老年人每人每月一百元；九十周岁至九十九周岁每人每月二百元；百岁老人每人每月五百元
el05|mzj|P|-|黄埔区老年人居家适老化改造工作方案|adapting older people's homes with grab rails and non-slip floors|为困难老年人家庭实施适老化改造；改造内容包括安装扶手、防滑处理和紧急呼叫设备；每户补助不超过五千元
el06|mzj|P|-|黄埔区社区嵌入式养老服务综合体建设方案|one-stop eldercare centres inside residential communities|每个街道至少建设一个养老服务综合体；综合体提供日间照料、短期托养和康复护理；委托专业机构运营
el07|wjj|N|-|黄埔区医养结合机构管理办法|institutions combining medical treatment and long-term care for the old|养老机构可以内设医务室或护理站；医疗机构可以开设老年护理床位；医养结合机构纳入医保定点管理
el08|mzj|N|Q|黄埔区老年人优待办法|discounts and privileges for senior citizens, e.g. free bus rides and park entry|六十五周岁以上老年人免费乘坐区内公共汽车；公园景区对老年人免收门票；医疗机构为老年人提供优先就诊服务
el09|mzj|P|-|黄埔区养老服务人才培养工作方案|training carers and nursing assistants who look after the elderly|开展养老护理员职业技能培训；取得等级证书的给予一次性奖励；将养老护理员纳入人才住房保障范围
el10|mzj|N|-|黄埔区家庭养老床位管理办法|turning an elder's bedroom into a supported care bed with visits from a provider|家庭养老床位由养老机构提供上门照护服务；失能老年人优先纳入；每张家庭养老床位给予三千元建设补贴
el11|mzj|A|-|关于2025年度高龄津贴资格认证的通知|the yearly check that recipients of old-age allowance are still alive and resident|高龄津贴领取人应当每年进行一次资格认证；可通过手机人脸识别完成认证；未按时认证的暂停发放

he01|wjj|N|T|黄埔区家庭医生签约服务管理办法|signing up with a community family doctor and what the package covers|居民可以自愿与社区卫生服务中心的家庭医生团队签约；基础签约服务包免费；签约居民享有优先预约转诊服务
he02|wjj|P|-|黄埔区基本公共卫生服务项目实施方案|free basic public health services like check-ups and chronic disease follow-up|为六十五岁以上老年人每年提供一次免费健康体检；高血压和糖尿病患者每年接受四次随访；建立居民电子健康档案
he03|wjj|N|-|黄埔区医疗机构设置审批管理办法|opening a private clinic or hospital: planning and approval|设置医疗机构应当符合区域卫生规划；诊所实行备案管理；二级以上医疗机构设置审批由区卫生健康局受理
he04|wjj|P|T|黄埔区突发公共卫生事件应急预案|how the district responds to disease outbreaks and public health emergencies|突发公共卫生事件分为四级；区卫生健康局负责组织应急处置；医疗机构发现传染病疫情应当在两小时内报告
he05|wjj|N|-|黄埔区母婴保健服务管理办法|care for pregnant women and newborns, antenatal checks|孕产妇免费享受产前筛查服务；新生儿疾病筛查覆盖率达到百分之九十八以上；建立高危孕产妇专案管理
he06|wjj|P|T|黄埔区托育服务体系建设实施方案|day care for babies and toddlers under three|到2027年每千人口拥有托位数达到四点五个；普惠托育机构按每个托位给予建设补贴；鼓励用人单位提供托育服务
he07|wjj|N|-|黄埔区爱国卫生运动管理规定|public hygiene campaigns, pest control and clean neighbourhoods|每年开展春季和秋季爱国卫生运动；落实病媒生物防制；单位和居民应当清除室内外积水
he08|wjj|P|-|黄埔区适龄女生人乳头瘤病毒疫苗免费接种工作方案|free vaccination of teenage girls against the virus that causes cervical cancer|为本区初二年级女生免费接种疫苗；接种遵循知情同意和自愿原则；接种点设在社区卫生服务中心
he09|wjj|N|-|黄埔区无偿献血奖励办法|rewards for people who give blood without payment|无偿献血者本人临床用血免费；献血累计达到一定量的给予表彰；献血者可以免费游览区内公园景区
he10|wjj|P|-|黄埔区控烟工作实施方案|stopping people lighting up in indoor public places|室内公共场所全面禁止吸烟；设立控烟监督员；对违规吸烟的个人依法处以罚款
he11|wjj|P|Q|黄埔区生育支持措施|support for couples having children: leave, childcare and birth costs|生育三孩的家庭给予育儿补贴；延长产假至一百七十八天；公办幼儿园优先招收多孩家庭子女
he12|wjj|N|-|黄埔区精神障碍患者社区康复管理办法|community rehabilitation for people with serious mental illness|严重精神障碍患者纳入社区管理；监护人看护补贴每人每月三百元；街道建立关爱帮扶小组
he13|wjj|N|-|黄埔区中医药发展促进办法|promoting traditional herbal and acupuncture medicine|每个社区卫生服务中心设立中医馆；支持中医药人才培养；中医药服务纳入家庭医生签约服务包

um01|cgzf|N|T|黄埔区生活垃圾分类管理办法|sorting household rubbish into categories and penalties for not doing so|生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾；居民应当在指定时间和地点分类投放；个人未分类投放的可处五十元以上二百元以下罚款
um02|cgzf|N|-|黄埔区户外广告和招牌设置管理办法|shop signs and outdoor billboards: permission and size|设置户外广告应当取得许可；店铺招牌实行一店一招；禁止在建筑物屋顶设置广告牌
um03|cgzf|N|T|黄埔区违法建设查处办法|dealing with buildings put up without planning permission|对正在建设的违法建设责令停止施工；无法改正的限期拆除；违法建设不得办理房屋登记和水电报装
um04|cgzf|P|-|黄埔区市容环境卫生责任区管理规定|shopkeepers keeping the pavement in front of their premises clean|临街商铺负责门前市容环境卫生责任区的清扫；不得占道经营和乱堆乱放；城管部门定期检查并公示结果
um05|cgzf|N|-|黄埔区流动商贩疏导区管理办法|designated areas where street hawkers may legally sell|街道设置流动商贩疏导点；摊贩实行登记管理；疏导区经营时间为每日十七时至二十二时
um06|cgzf|N|-|黄埔区建筑垃圾处置管理办法|disposal of construction waste and muck-carrying lorries|建筑垃圾运输实行核准制度；运输车辆应当密闭运输；禁止随意倾倒建筑垃圾
um07|jtj|N|T|黄埔区机动车停放管理办法|parking rules, on-street bays and fees|道路停车泊位实行差别化收费；住宅小区停车位应当优先满足业主需求；违法停车的依法处罚
um08|cgzf|P|-|黄埔区餐饮油烟污染治理工作方案|cooking fumes from restaurants affecting neighbours|餐饮服务单位应当安装油烟净化设施；居民楼内禁止新建产生油烟的餐饮项目；定期清洗油烟净化设施
um09|cgzf|N|-|黄埔区犬只管理规定|keeping dogs: registration, leads and banned breeds|饲养犬只应当办理登记并免疫；携犬出户应当束犬链；禁止饲养烈性犬
um10|jtj|P|T|黄埔区共享单车停放管理工作方案|shared bicycles cluttering pavements|共享单车在电子围栏内停放；运营企业负责调度清理；违规停放的车辆由城管部门暂扣
um11|cgzf|N|-|黄埔区城市道路挖掘管理办法|digging up roads for pipes and cables, permits and reinstatement|挖掘城市道路应当取得许可；施工单位应当设置围挡和警示标志；完工后按原标准恢复路面
um12|zjj|P|-|黄埔区电动自行车充电安全管理工作方案|fire risks from charging e-bikes indoors and communal charging points|禁止在楼道和室内为电动自行车充电；住宅小区应当建设集中充电设施；物业服务企业负责日常巡查
um13|cgzf|N|-|黄埔区城市绿化管理办法|urban trees and green space, felling permission|砍伐城市树木应当报绿化主管部门批准；新建项目绿地率不低于百分之三十；古树名木实行挂牌保护
um14|swu|P|-|黄埔区排水管理办法|drains, sewer connections and wastewater discharge permits|向城镇排水设施排放污水的应当取得排水许可；雨水和污水分流排放；禁止向雨水管道排放污水

en01|sthj|P|T|黄埔区大气污染防治行动方案|cutting air pollution from factories, vehicles and dust|重点行业实施挥发性有机物深度治理；加强施工扬尘监管；推广新能源公交车
en02|sthj|N|-|黄埔区建设项目环境影响评价审批办法|environmental assessment before new projects are approved|建设项目应当依法进行环境影响评价；报告书项目审批时限为三十个工作日；登记表项目实行网上备案
en03|swu|P|T|黄埔区河长制工作方案|officials personally responsible for each river and stream|全区河流实行区、街道、村居三级河长制；河长定期巡河并记录问题；河湖问题实行销号管理
en04|sthj|N|-|黄埔区噪声污染防治管理规定|noise from building sites, shops and night-time construction|夜间二十二时至次日六时禁止产生噪声的建筑施工作业；商业经营活动不得使用高音广播；噪声扰民可拨打热线投诉
en05|sthj|P|-|黄埔区固体废物污染环境防治工作方案|industrial solid waste and hazardous waste handling|产生危险废物的单位应当建立管理台账；危险废物转移实行电子联单；开展工业固体废物排查整治
en06|fgj|P|T|黄埔区碳达峰实施方案|reaching the peak of greenhouse emissions and cutting carbon|到2030年单位生产总值二氧化碳排放比2005年下降百分之六十五以上；推进工业领域节能降碳；发展绿色建筑
en07|sthj|N|-|黄埔区排污许可管理实施细则|permits for companies that discharge pollutants|排污单位应当依法申领排污许可证；按证排污并定期提交执行报告；无证排污的依法处罚
en08|swu|N|-|黄埔区节约用水管理办法|saving water: quotas for big users and tiered prices|用水大户实行计划用水管理；超计划用水累进加价；新建项目应当配套节水设施
en09|ghzy|P|-|黄埔区森林防火工作方案|preventing wildfires on hillsides and in woodland|每年十月至次年四月为森林防火期；防火期内禁止野外用火；清明期间加强巡山护林
en10|sthj|A|-|关于2025年第三季度重点排污单位监督性监测结果的公告|quarterly test results for the biggest polluting plants|本季度监测重点排污单位四十二家；超标排放的三家已责令整改；监测数据在区政府门户网站公布

gk01|gov|P|T|黄埔区2026年政务公开工作要点|the 2026 priorities for making government information available to citizens|围绕优化营商环境加强政策公开；完善政策解读和回应关切机制；推进基层政务公开标准化规范化
gk02|gov|N|T|黄埔区政府信息公开申请办理规范|handling citizens' written requests for official information, deadlines and replies|政府信息公开申请应当在收到之日起二十个工作日内答复；需要延长答复期限的应当经负责人同意并告知申请人；申请人对答复不服的可以申请行政复议
gk03|gov|N|-|黄埔区政策解读工作办法|explaining new policies to the public alongside their release|政策解读与政策文件同步组织、同步审签、同步部署；解读形式包括文字、图解和视频；未按要求解读的文件不得发布
gk04|gov|N|-|黄埔区行政规范性文件管理办法|drafting, legal review and filing of binding administrative rules|行政规范性文件应当经合法性审核；实行统一登记、统一编号、统一印发；有效期一般不超过五年
gk05|zsj|N|T|黄埔区政务服务事项办理时限压缩办法|shorter processing times for administrative services|政务服务事项承诺时限在法定时限基础上平均压缩百分之七十；推行即办件和容缺受理；超时未办的实行督办
gk06|zsj|P|-|黄埔区12345政务服务便民热线管理办法|the citizen hotline for complaints and enquiries|热线工单实行分级分类派发；承办单位应当在规定时限内办结；群众满意度纳入绩效考核
gk07|gov|P|-|黄埔区重大行政决策公众参与工作规定|involving the public in big government decisions, hearings and consultation|重大行政决策事项应当向社会公开征求意见；征求意见期限不少于三十日；涉及群众切身利益的应当举行听证会
gk08|zsj|N|T|黄埔区政务服务好差评管理办法|residents rating the service they got at government counters|政务服务实行一次一评、一事一评；差评实行回访整改；评价结果纳入部门考核
gk09|gov|P|-|黄埔区政府网站与政务新媒体管理办法|government web portal and official social media accounts|政府网站应当设置政府信息公开专栏；政务新媒体开设应当备案；定期开展内容检查
gk10|zsj|P|-|黄埔区一件事一次办改革实施方案|bundling several related procedures into a single visit|梳理企业和个人全生命周期高频事项；实行一次告知、一表申请、一窗受理；推动跨部门数据共享
gk11|gov|N|-|黄埔区基层政务公开标准目录|standard lists of what street offices and village committees must publish|街道和村居按照标准目录公开政务信息；目录涵盖社会救助、养老服务等二十六个领域；公开内容每季度更新
gk12|zsj|P|-|黄埔区政务数据共享管理办法|departments sharing their data with each other|政务数据以共享为原则、不共享为例外；建立政务数据资源目录；数据使用单位应当确保数据安全
gk13|gov|P|-|黄埔区人民建议征集工作办法|collecting residents' suggestions for government|通过网站和热线征集人民建议；被采纳的建议给予表扬；建议办理情况向建议人反馈

vt01|tyjr|N|T|黄埔区退役军人就业创业扶持办法|jobs and business support for discharged servicemen|退役军人创办企业的可申请创业担保贷款；企业招用退役军人的按规定享受税收优惠；组织退役军人参加免费职业技能培训
vt02|tyjr|N|-|黄埔区退役士兵安置工作实施细则|placement of soldiers returning from service, jobs and lump sums|退役士兵安置方式包括自主就业、安排工作和退休；自主就业退役士兵发放一次性经济补助；安排工作的退役士兵由区统一分配
vt03|tyjr|P|-|黄埔区优抚对象抚恤补助发放办法|pensions for families of martyrs and disabled veterans|伤残军人按伤残等级发放抚恤金；烈士遗属定期抚恤金每年调整；优抚对象享受医疗优惠
ag01|nyj|P|T|黄埔区乡村振兴实施方案|rural revitalisation in the district's villages|推进高标准农田建设；发展特色农业和乡村旅游；改善农村人居环境
ag02|nyj|N|-|黄埔区农村宅基地管理办法|land for villagers to build their own houses, one plot per household|农村村民一户只能拥有一处宅基地；宅基地申请由村民小组讨论通过后报街道审批；禁止城镇居民购买宅基地
ag03|nyj|N|-|黄埔区农业保险保费补贴办法|government sharing the cost of crop and livestock insurance|水稻和蔬菜种植保险保费由财政补贴百分之七十；生猪养殖保险纳入补贴范围；保险机构应当及时理赔
tr01|jtj|P|T|黄埔区公交线网优化工作方案|changes to bus routes and stops|新开通公交线路五条；优化调整线路十二条；在地铁站周边增设接驳公交
tr02|jtj|N|-|黄埔区网络预约出租汽车经营服务管理实施细则|ride-hailing car services, driver and vehicle licences|网约车驾驶员应当取得网络预约出租汽车驾驶员证；车辆应当取得运输证；平台公司应当在本区设立服务机构
tr03|jtj|P|-|黄埔区货车通行管理规定|when and where heavy goods vehicles may drive|中心城区早晚高峰禁止货车通行；需要通行的可以申请通行证；新能源货车通行时段适当放宽
sf01|yjj|N|T|黄埔区安全生产责任制规定|who answers for workplace accident prevention at firms and in government|企业主要负责人是本单位安全生产第一责任人；各部门按照管行业必须管安全的原则履行职责；发生生产安全事故的依法追究责任
sf02|yjj|P|-|黄埔区防汛防台风应急预案|responding to floods, typhoons and heavy rain|台风预警发布后学校停课；低洼地区群众及时转移；街道组织巡查排涝设施
sf03|yjj|P|-|黄埔区燃气安全专项整治工作方案|gas safety at restaurants and in homes, cylinders and pipes|餐饮场所应当安装可燃气体报警装置；禁止使用不合格燃气瓶；开展燃气用户安全入户检查
sf04|yjj|N|-|黄埔区消防安全网格化管理办法|fire prevention inspections organised neighbourhood by neighbourhood|社区划分消防安全网格；网格员定期开展防火检查；发现火灾隐患及时督促整改
cu01|wgl|N|-|黄埔区公共文化服务扶持办法|libraries, community arts centres and free cultural activities|公共图书馆和文化馆免费开放；每个街道建设综合文化站；政府购买公共文化服务
cu02|wgl|P|T|黄埔区文化旅游消费促进方案|tourism and cultural spending, attractions and visitor vouchers|发放文旅消费券；开发历史文化旅游线路；支持民宿规范发展
cu03|wgl|N|-|黄埔区文物保护管理办法|protecting historic buildings and relics|文物保护单位周边划定建设控制地带；不可移动文物实行挂牌保护；文物修缮应当报批
cu04|wgl|P|-|黄埔区全民健身实施计划|getting residents to exercise, sports facilities and events|新建社区健身设施五十处；学校体育场地向社会开放；每年举办全民健身运动会
lj01|sfj|P|T|黄埔区公共法律服务体系建设方案|free legal advice and help for residents|每个村居配备法律顾问；建设公共法律服务中心；困难群众可申请法律援助
lj02|sfj|N|-|黄埔区法律援助实施办法|lawyers paid by the state for people who cannot afford one|经济困难的公民可以申请法律援助；法律援助机构在七个工作日内作出决定；追索劳动报酬的不受经济困难条件限制
lj03|sfj|P|-|黄埔区人民调解工作规范|neighbourhood mediators settling disputes between residents|人民调解委员会调解民间纠纷不收费；调解达成协议的可以申请司法确认；街道设立人民调解工作室
pl01|ghzy|N|-|黄埔区国有土地上房屋征收与补偿实施办法|compulsory purchase of homes on state land and compensation|房屋征收补偿方式包括货币补偿和房屋产权调换；被征收房屋价值由房地产价格评估机构评估；对被征收人给予搬迁费和临时安置费
pl02|ghzy|P|-|黄埔区不动产登记便民措施|registering property ownership faster, online title deeds|不动产登记一般事项五个工作日内办结；推行电子证照；二手房交易和登记实行一窗受理
pl03|ghzy|N|-|黄埔区临时用地管理办法|short-term use of land for construction sites and its restoration|临时用地期限一般不超过二年；临时用地不得修建永久性建筑物；使用期满应当恢复原状
sd01|hpjd|A|-|黄埔街道2025年度低保对象名单公示|names of households in one street receiving minimum income support|本街道2025年度在册低保对象一百零六户；公示期为七日；对公示有异议的可向街道社会事务办反映
sd02|yzjd|P|-|鱼珠街道社区网格化服务管理工作方案|block-by-block community workers in one street office|将辖区划分为八十个网格；每个网格配备专职网格员；网格员负责信息采集和矛盾排查
sd03|lhjd|P|-|联和街道村务公开工作实施细则|village committees publishing their accounts and decisions|村务公开每季度至少一次；集体资产资源和财务收支重点公开；村民有权查询村务
sd04|hpjd|A|-|黄埔街道关于长者饭堂运营服务采购结果的公告|the result of a street's tender for running a canteen for the old|经公开采购确定长者饭堂运营机构；服务期限为一年；成交金额为八十六万元
sd05|yzjd|P|-|鱼珠街道社区居家养老服务站建设方案|setting up home-care service posts for the elderly in one street|在五个社区建设居家养老服务站；提供助餐、助浴和助洁服务；委托社会组织运营
hs19|zjj|N|-|黄埔区共有产权住房管理办法|homes bought jointly with the government, buyers owning only part of the flat|共有产权住房购房人产权份额不低于百分之六十；购房人取得不动产权证满五年后可以转让；政府份额由区住房保障机构持有
hs20|zjj|P|-|黄埔区住宅专项维修资金管理办法|the fund owners pay into for repairing shared parts of their building|业主按照房屋建筑面积交存专项维修资金；使用维修资金应当经业主表决同意；紧急情况下可以申请应急使用
ed21|jyj|N|-|黄埔区中小学学位补贴发放办法|money for families whose children attend private school because public places ran out|未能安排公办学位的符合条件的适龄儿童入读民办学校的给予学位补贴；小学每生每年五千元，初中每生每年六千元；补贴直接抵减学费
ed22|jyj|P|-|黄埔区义务教育学校教育集团化办学实施方案|grouping strong and weak schools under shared leadership|组建义务教育教育集团十个；集团内教师交流轮岗比例不低于百分之十五；集团统一教学管理和质量评价
em17|rsj|N|-|黄埔区人力资源服务机构管理办法|recruitment agencies and labour dispatch firms, licences and conduct|经营性人力资源服务机构从事职业中介活动应当取得许可；不得发布含有歧视性内容的招聘信息；劳务派遣单位应当依法取得行政许可
em18|rsj|P|T|黄埔区技工院校招生和补贴办法|tuition support and enrolment for trade schools|技工院校全日制学生免除学费；家庭经济困难学生可以申请国家助学金；技工院校毕业生享受与高校毕业生同等就业政策
ss19|rsj|P|-|黄埔区失业保险金申领办理指南|claiming benefit after losing a job, who is eligible and how long it lasts|失业前累计缴纳失业保险满一年且非本人意愿中断就业的可以申领失业保险金；失业保险金按月发放，最长二十四个月；领取期间代缴基本医疗保险费
ss20|mzj|N|-|黄埔区流浪乞讨人员救助管理办法|help for homeless people and beggars on the streets|救助管理站为流浪乞讨人员提供食宿和返乡帮助；救助期限一般不超过十日；发现流浪未成年人应当护送至救助机构
ss21|mzj|P|-|黄埔区慈善事业促进办法|charitable donations and charity organisations|慈善组织应当依法登记；慈善捐赠可以依法享受税收优惠；慈善组织应当定期公开募捐和使用情况
bz28|swj|N|-|黄埔区促进汽车消费若干措施|cash incentives for buying a new car or scrapping an old one|购买新能源汽车的给予一次性补贴；报废旧车并购买新车的给予置换补贴；补贴资金由经销商先行垫付后统一申领
bz29|scj|N|-|黄埔区质量强区奖励办法|awards for companies with outstanding product quality and standards|获得区政府质量奖的企业奖励五十万元；主导制定国际标准的企业给予奖励；支持企业开展质量管理体系认证
bz30|fgj|P|-|黄埔区民营经济高质量发展实施意见|support for privately owned businesses in general|保障民营企业平等参与市场竞争；建立政企沟通常态化机制；清理拖欠民营企业账款
bz31|kjj|N|T|黄埔区人才引进和培养专项资金管理办法|money to attract and keep talented researchers and engineers|引进的创新创业团队给予最高一千万元资助；青年科技人才给予安家补贴；专项资金实行绩效评价
el12|mzj|P|-|黄埔区老年人意外伤害保险工作方案|accident cover bought by the district for older residents|为本区户籍六十周岁以上老年人统一购买意外伤害保险；保费由区财政承担；意外伤害医疗费用最高赔付一万元
he14|wjj|P|-|黄埔区社区卫生服务中心建设标准|standards for neighbourhood clinics and health centres|每个街道设置一所社区卫生服务中心；中心业务用房面积不少于三千平方米；配备全科医生和公共卫生医师
he15|ybj|N|-|黄埔区药品集中带量采购工作方案|bulk government buying of medicines to cut their price|公立医疗机构全部参加药品集中带量采购；中选药品优先使用；医保基金对集采结余留用给予激励
um15|cgzf|N|-|黄埔区住宅小区装修管理规定|home renovation in residential estates: notice, hours and debris|装修人应当在开工前告知物业服务企业；装修作业时间为工作日八时至十二时、十四时至十八时；装修垃圾应当袋装并堆放到指定地点
um16|cgzf|P|-|黄埔区公共厕所建设管理工作方案|building and cleaning public toilets|新建改建公共厕所三十座；公共厕所实行专人保洁；沿街单位厕所向公众开放
en11|sthj|P|-|黄埔区土壤污染防治工作方案|contaminated soil on former factory sites|建立土壤污染重点监管单位名录；污染地块未经治理修复的不得开工建设；开展土壤环境质量监测
en12|sthj|N|-|黄埔区生态环境违法行为举报奖励办法|rewards for tipping off the authorities about pollution|举报生态环境违法行为经查证属实的给予奖励；奖励金额一般为二百元至一万元；对举报人信息严格保密
gk14|gov|N|-|黄埔区政府信息主动公开基本目录|the catalogue of information government publishes on its own initiative|主动公开信息包括机构职能、行政法规规章、财政预算决算等；各单位应当在信息形成之日起二十个工作日内公开；目录每年更新
gk15|czj|P|T|黄埔区预算公开工作规程|publishing budgets and final accounts of government departments|部门预算应当在批复后二十日内公开；公开内容包括收支总表和三公经费；未公开的应当说明理由
gk16|zsj|P|-|黄埔区政务服务中心窗口工作规范|how staff at the service hall's counters must behave|窗口工作人员应当挂牌上岗、文明服务；实行首问负责和一次性告知；中午和周末提供延时服务
tr04|jtj|P|-|黄埔区校园周边交通安全整治方案|traffic safety around school gates at drop-off time|上下学时段在学校周边设置护学岗；校门口划设临时停车区；严查超速和违法停车
sf05|yjj|N|-|黄埔区自然灾害救助办法|relief for households hit by storms, floods and landslides|受灾群众紧急转移安置后给予生活救助；倒损住房恢复重建给予补助；冬春困难群众给予生活救助
cu05|wgl|N|-|黄埔区网吧和娱乐场所管理办法|internet cafés, karaoke bars and entertainment venues|互联网上网服务营业场所不得接纳未成年人；娱乐场所营业时间不得超过次日二时；经营单位应当安装视频监控
pl04|ghzy|P|-|黄埔区城镇开发边界管理规定|limits on where new urban construction may spread|城镇开发边界内实行详细规划管理；边界外不得进行城镇集中建设；边界调整应当经法定程序
sd06|hpjd|P|-|黄埔街道社区议事协商工作规程|residents deliberating on local issues in regular community meetings|社区每季度召开一次议事协商会；议题由居民提出；协商结果向居民公开
"""
