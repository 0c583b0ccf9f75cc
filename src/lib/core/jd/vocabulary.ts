// Word lists the unmatched-term finder reads. Generic English and job-ad vocabulary is left
// out so that what remains is what a hiring engineer would call a technical term.

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/** Acronyms and names that are not skills: job-ad vocabulary, money, places, degrees, venues. */
export const STOP = words(`
	ai ml mle mles jd jds ats api apis sdk sdks ui ux it hr qa ceo cto cfo vp ok faq faqs kpi kpis
	sla slas okr okrs roi b2b b2c saas usd eur gbp lpa us u.s usa uk eu emea apac nyc sf pto rsu
	rsus 401k bls faang phd phds ph.d msc bsc mba stem q1 q2 q3 q4 neurips icml iclr acl cvpr eccv
	iccv emnlp naacl aaai kdd mlsys corl rss iros icra linkedin iso soc gpu gpus cpu cpus ram tl;dr ii iii iv nan nans ca
	ny wa tx ma remote hybrid onsite
`);

/** Capitalised words that start headings and list items but never name a tool. */
export const COMMON = words(`
	a an the and or of for to in on with we you our your i it this that these they experience
	knowledge strong familiarity proficiency understanding engineer engineers engineering machine
	learning data science scientist scientists senior junior staff lead principal team teams
	bachelor bachelor's master master's degree custom other similar equivalent tools platforms
	frameworks libraries cloud open source research production model models mathematics statistics
	physics computer economics skills duties salary responsibilities requirements qualifications
	preferred nice must have applications application systems system products product services
	service solutions solution infrastructure pipelines pipeline features feature workflows
	workflow projects project code
`);

/**
 * Words that make a noun phrase ordinary, not a term: "new models", "production inference",
 * "build pipelines". Adjectives of degree or scope, determiners and the verbs of job ads.
 */
export const GENERIC = words(`
	a an the and or of for to in on at by from as with without into our your their its his her
	this that these those all any each every some several few many more most other own such same
	new large small big high low key core main custom internal external existing latest modern
	real best better great good strong solid deep advanced basic complex simple scalable robust
	reliable efficient performant critical relevant related similar various different multiple
	first next top end-to-end state-of-the-art cutting-edge world-class production-grade
	production quality overall general specific typical common standard classic traditional
	large-scale small-scale low-latency high-throughput high-quality real-world long-term
	short-term full-time part-time
	build builds building design designs implement implements improve run runs own owns write
	writes use uses using ship ships deploy deploys optimize optimise scale manage develop
	maintain create support drive lead work help make keep train evaluate monitor profile tune
	fuse serve integrate operate offer provide define agree apply applying enable enables
	choose chooses select selects pick productionize productionise package packages export
	exports ensure sure offboard enrich
	between across over under within through about against after before per than versus
	how what why when where which who whose
	machine ml ai via including include includes like e.g i.e etc is are be was were will can
`);

/** Head nouns of technical noun phrases: "anomaly detection", "expert parallelism". */
export const TECH_HEADS = words(`
	detection learning forecasting inference retrieval parallelism quantization compilation
	compiler compilers segmentation classification regression clustering recognition generation
	synthesis embeddings kernels kernel programming injection exfiltration jailbreaks protocol
	protocols decoding attention routing models agents orchestration observability tracing
	serving sharding partitioning profiling scheduling caching distillation pruning alignment
	tokenization tokenizers search ranking recommendation forecasts simulation optimization
	reasoning modeling modelling transformers diffusion databases warehouses lakehouses
	computing tracking augmentation annotation fusion imbalance calibration labeling labelling
	encoder encoders evaluation grounding diarization transcription spectrograms
`);
