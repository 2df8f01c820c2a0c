import type { FontPreset } from "@/lib/templates/schemas";
import type { NeutralName } from "./vocabulary";

/**
 * What a first page says and how it looks, chosen from the words of the description. A "kind"
 * (subscription, app, event…) decides the copy; a "look" (coffee, ocean, fitness…) the palette,
 * neutral and font. Copy is written with {brand}, {topic} (the subject without "subscription",
 * "app"…) and {subject} placeholders.
 */

export type Plan = {
  name: string;
  price: string;
  period?: string;
  description: string;
  features: string[];
  cta: string;
  featured?: boolean;
};

export type Kind = {
  id: string;
  keywords: string[];
  headline: string;
  subtitle: string;
  eyebrow: string;
  cta: string;
  secondaryCta: string;
  visual: "mockup" | "none";
  features: Array<{ icon: string; title: string; description: string }>;
  plans: Plan[];
  pricingLabel: string;
};

const month = "/month";

export const KINDS: Kind[] = [
  {
    id: "subscription",
    keywords: ["subscription", "subscriptions", "box", "delivery", "membership", "club", "refill"],
    headline: "Great {topic}, delivered to your door",
    subtitle:
      "{brand} brings hand-picked {topic} to you on your schedule. Choose a plan, skip a delivery or cancel anytime.",
    eyebrow: "Free shipping on your first box",
    cta: "Start your subscription",
    secondaryCta: "How it works",
    visual: "none",
    features: [
      {
        icon: "star",
        title: "Hand-picked quality",
        description: "Every delivery is chosen by people who care about {topic}.",
      },
      {
        icon: "calendar",
        title: "Your schedule",
        description: "Weekly, every two weeks or monthly. Change it in a click.",
      },
      {
        icon: "heart",
        title: "No commitment",
        description: "Skip, pause or cancel anytime, without a phone call.",
      },
    ],
    plans: [
      {
        name: "Taster",
        price: "$12",
        period: month,
        description: "A little {topic} to get started.",
        features: ["One delivery a month", "Free shipping", "Cancel anytime"],
        cta: "Choose Taster",
      },
      {
        name: "Regular",
        price: "$24",
        period: month,
        description: "Our most loved plan.",
        features: ["Two deliveries a month", "Free shipping", "Members-only extras"],
        cta: "Choose Regular",
        featured: true,
      },
      {
        name: "Enthusiast",
        price: "$39",
        period: month,
        description: "For true {topic} lovers.",
        features: ["Weekly deliveries", "Free shipping", "Early access to new arrivals"],
        cta: "Choose Enthusiast",
      },
    ],
    pricingLabel: "Plans",
  },
  {
    id: "software",
    keywords: [
      "app",
      "software",
      "saas",
      "platform",
      "tool",
      "api",
      "startup",
      "dashboard",
      "analytics",
      "crm",
      "ai",
      "service desk",
      "plugin",
      "extension",
    ],
    headline: "The {subject} your team will love",
    subtitle: "{brand} is the {subject} that gets out of your way: set up in minutes, loved for years.",
    eyebrow: "New · Now in public beta",
    cta: "Start free trial",
    secondaryCta: "See features",
    visual: "mockup",
    features: [
      {
        icon: "bolt",
        title: "Fast by default",
        description: "Up and running in minutes, with nothing to install.",
      },
      {
        icon: "users",
        title: "Built for teams",
        description: "Invite everyone and work together in real time.",
      },
      {
        icon: "shield",
        title: "Secure",
        description: "Encryption, backups and single sign-on come standard.",
      },
    ],
    plans: [
      {
        name: "Free",
        price: "$0",
        period: month,
        description: "For individuals trying {brand}.",
        features: ["Core features", "Up to 3 users", "Community support"],
        cta: "Start free",
      },
      {
        name: "Pro",
        price: "$29",
        period: month,
        description: "For growing teams.",
        features: ["Everything in Free", "Unlimited users", "Priority support"],
        cta: "Start free trial",
        featured: true,
      },
      {
        name: "Business",
        price: "Custom",
        description: "For larger organisations.",
        features: ["SSO & audit logs", "Dedicated manager", "99.9% SLA"],
        cta: "Contact sales",
      },
    ],
    pricingLabel: "Pricing",
  },
  {
    id: "event",
    keywords: [
      "conference",
      "meetup",
      "festival",
      "event",
      "summit",
      "concert",
      "wedding",
      "party",
      "hackathon",
      "expo",
      "gala",
    ],
    headline: "The {subject} you won't want to miss",
    subtitle:
      "Join us for {brand}: inspiring talks, great people and memories that last well beyond the day.",
    eyebrow: "Tickets on sale now",
    cta: "Get your ticket",
    secondaryCta: "Learn more",
    visual: "none",
    features: [
      { icon: "mic", title: "Inspiring speakers", description: "Hear from people doing remarkable work." },
      {
        icon: "users",
        title: "Great company",
        description: "Meet hundreds of people who share your interests.",
      },
      {
        icon: "pin",
        title: "A venue to remember",
        description: "Easy to reach, and beautiful when you get there.",
      },
    ],
    plans: [
      {
        name: "Standard",
        price: "$99",
        description: "Everything you need for the day.",
        features: ["Full-day access", "Lunch & coffee"],
        cta: "Get Standard",
      },
      {
        name: "Full pass",
        price: "$199",
        description: "The complete experience.",
        features: ["All sessions", "Workshops", "After-party"],
        cta: "Get Full pass",
        featured: true,
      },
      {
        name: "VIP",
        price: "$399",
        description: "For those who want it all.",
        features: ["Everything in Full pass", "Speaker dinner", "Front-row seats"],
        cta: "Get VIP",
      },
    ],
    pricingLabel: "Tickets",
  },
  {
    id: "restaurant",
    keywords: [
      "restaurant",
      "cafe",
      "café",
      "bistro",
      "bar",
      "pizzeria",
      "bakery",
      "food truck",
      "kitchen",
      "brewery",
      "diner",
    ],
    headline: "{topic} worth coming back for",
    subtitle: "At {brand} we cook with seasonal, local ingredients and serve every plate with care.",
    eyebrow: "Open every day",
    cta: "Book a table",
    secondaryCta: "See the menu",
    visual: "none",
    features: [
      { icon: "heart", title: "Made with love", description: "Recipes we have perfected over the years." },
      { icon: "pin", title: "Local ingredients", description: "Sourced from farms and makers nearby." },
      {
        icon: "users",
        title: "Private events",
        description: "Celebrate with us: we host groups of any size.",
      },
    ],
    plans: [
      {
        name: "Lunch",
        price: "$15",
        description: "A quick, delicious midday menu.",
        features: ["Starter or dessert", "Main course"],
        cta: "Book lunch",
      },
      {
        name: "Dinner",
        price: "$35",
        description: "Our signature evening menu.",
        features: ["Three courses", "Seasonal specials"],
        cta: "Book dinner",
        featured: true,
      },
      {
        name: "Chef's table",
        price: "$75",
        description: "An evening to remember.",
        features: ["Seven-course tasting", "Wine pairing"],
        cta: "Book the table",
      },
    ],
    pricingLabel: "Menus",
  },
  {
    id: "shop",
    keywords: [
      "shop",
      "store",
      "boutique",
      "products",
      "ecommerce",
      "e-commerce",
      "marketplace",
      "brand",
      "collection",
    ],
    headline: "{topic} you'll love to own",
    subtitle: "{brand} makes thoughtfully designed {topic}, built to last and shipped to your door.",
    eyebrow: "Free shipping over $50",
    cta: "Shop now",
    secondaryCta: "Our story",
    visual: "none",
    features: [
      { icon: "star", title: "Quality first", description: "Made from the best materials we can find." },
      { icon: "globe", title: "Ships worldwide", description: "Fast, tracked delivery wherever you are." },
      {
        icon: "heart",
        title: "Easy returns",
        description: "30 days to change your mind, no questions asked.",
      },
    ],
    plans: [],
    pricingLabel: "Pricing",
  },
  {
    id: "course",
    keywords: [
      "course",
      "class",
      "classes",
      "school",
      "academy",
      "bootcamp",
      "tutoring",
      "lessons",
      "training",
      "workshop",
    ],
    headline: "Learn {topic} the practical way",
    subtitle:
      "{brand} teaches {topic} through hands-on projects, friendly mentors and a community that keeps you going.",
    eyebrow: "New cohort starting soon",
    cta: "Enroll now",
    secondaryCta: "See the curriculum",
    visual: "none",
    features: [
      { icon: "pen", title: "Learn by doing", description: "Real projects from the very first lesson." },
      {
        icon: "users",
        title: "Mentors who care",
        description: "Feedback from people who have done it before.",
      },
      { icon: "clock", title: "At your pace", description: "Live sessions plus recordings for busy weeks." },
    ],
    plans: [
      {
        name: "Self-paced",
        price: "$49",
        description: "All lessons, on your own schedule.",
        features: ["Lifetime access", "Community forum"],
        cta: "Start learning",
      },
      {
        name: "Mentored",
        price: "$199",
        description: "Our most popular option.",
        features: ["Everything in Self-paced", "Weekly mentor calls", "Certificate"],
        cta: "Enroll now",
        featured: true,
      },
    ],
    pricingLabel: "Pricing",
  },
  {
    id: "portfolio",
    keywords: [
      "portfolio",
      "personal",
      "resume",
      "cv",
      "freelancer",
      "photographer",
      "designer",
      "illustrator",
      "artist",
      "writer",
    ],
    headline: "Hi, I'm {brand}. I make {topic} people remember",
    subtitle: "A selection of recent work, and a quick way to get in touch about your next project.",
    eyebrow: "Available for new projects",
    cta: "Get in touch",
    secondaryCta: "See my work",
    visual: "none",
    features: [
      {
        icon: "pen",
        title: "Thoughtful craft",
        description: "Every detail considered, from first sketch to final file.",
      },
      { icon: "clock", title: "On time", description: "Clear plans and honest timelines." },
      { icon: "heart", title: "Easy to work with", description: "Straight answers and no jargon." },
    ],
    plans: [],
    pricingLabel: "Pricing",
  },
  {
    id: "service",
    keywords: [
      "agency",
      "studio",
      "consulting",
      "consultancy",
      "services",
      "firm",
      "practice",
      "clinic",
      "salon",
      "coach",
      "coaching",
      "lawyer",
      "plumber",
      "cleaning",
      "repair",
    ],
    headline: "{topic} that gets results",
    subtitle:
      "{brand} helps people like you with {topic}: clear advice, honest prices and work we are proud of.",
    eyebrow: "Trusted by hundreds of clients",
    cta: "Book a call",
    secondaryCta: "Our services",
    visual: "none",
    features: [
      { icon: "star", title: "Experienced team", description: "Years of practice in exactly what you need." },
      { icon: "check", title: "Clear pricing", description: "A fixed quote before we start. No surprises." },
      { icon: "heart", title: "Personal service", description: "One point of contact from start to finish." },
    ],
    plans: [],
    pricingLabel: "Pricing",
  },
];

export const DEFAULT_KIND: Kind = {
  id: "default",
  keywords: [],
  headline: "{topic}, made simple",
  subtitle: "{brand} makes {topic} easy, friendly and a pleasure to use, so you can focus on what matters.",
  eyebrow: "Welcome to {brand}",
  cta: "Get started",
  secondaryCta: "Learn more",
  visual: "none",
  features: [
    {
      icon: "sparkles",
      title: "Simple from day one",
      description: "Everything you need, nothing you don't.",
    },
    { icon: "heart", title: "Made with care", description: "Thoughtful details you will notice every day." },
    { icon: "users", title: "Here to help", description: "Real people ready to answer your questions." },
  ],
  plans: [
    {
      name: "Basic",
      price: "$9",
      period: month,
      description: "Everything to get started.",
      features: ["All the essentials", "Email support"],
      cta: "Choose Basic",
    },
    {
      name: "Plus",
      price: "$19",
      period: month,
      description: "Our most popular plan.",
      features: ["Everything in Basic", "Priority support", "Extras"],
      cta: "Choose Plus",
      featured: true,
    },
    {
      name: "Premium",
      price: "$39",
      period: month,
      description: "The complete experience.",
      features: ["Everything in Plus", "Personal onboarding"],
      cta: "Choose Premium",
    },
  ],
  pricingLabel: "Pricing",
};

export type Look = {
  keywords: string[];
  palette: string;
  neutral: NeutralName;
  font: FontPreset;
  mode?: "dark";
};

export const LOOKS: Look[] = [
  {
    keywords: [
      "coffee",
      "espresso",
      "roast",
      "roastery",
      "tea",
      "bakery",
      "bread",
      "chocolate",
      "cafe",
      "café",
    ],
    palette: "amber",
    neutral: "stone",
    font: "classic",
  },
  {
    keywords: [
      "ocean",
      "sea",
      "surf",
      "beach",
      "sail",
      "sailing",
      "dive",
      "diving",
      "boat",
      "island",
      "travel",
      "water",
    ],
    palette: "sky",
    neutral: "slate",
    font: "modern",
  },
  {
    keywords: [
      "nature",
      "garden",
      "plant",
      "plants",
      "eco",
      "organic",
      "farm",
      "vegan",
      "outdoor",
      "hiking",
      "forest",
      "green",
    ],
    palette: "emerald",
    neutral: "stone",
    font: "humanist",
  },
  {
    keywords: ["developer", "developers", "api", "code", "devops", "open source", "cli"],
    palette: "indigo",
    neutral: "zinc",
    font: "technical",
  },
  {
    keywords: [
      "finance",
      "bank",
      "banking",
      "invest",
      "investing",
      "insurance",
      "accounting",
      "law",
      "legal",
      "tax",
    ],
    palette: "blue",
    neutral: "slate",
    font: "classic",
  },
  {
    keywords: [
      "health",
      "wellness",
      "yoga",
      "spa",
      "meditation",
      "therapy",
      "clinic",
      "dental",
      "care",
      "sleep",
    ],
    palette: "teal",
    neutral: "stone",
    font: "humanist",
  },
  {
    keywords: ["fitness", "gym", "sport", "sports", "running", "cycling", "workout", "climbing"],
    palette: "orange",
    neutral: "zinc",
    font: "geometric",
  },
  {
    keywords: [
      "fashion",
      "luxury",
      "jewelry",
      "jewellery",
      "beauty",
      "cosmetics",
      "wedding",
      "wine",
      "perfume",
      "flowers",
      "florist",
    ],
    palette: "rose",
    neutral: "stone",
    font: "editorial",
  },
  {
    keywords: [
      "kids",
      "children",
      "toy",
      "toys",
      "game",
      "games",
      "party",
      "candy",
      "pet",
      "pets",
      "dog",
      "cat",
    ],
    palette: "fuchsia",
    neutral: "zinc",
    font: "friendly",
  },
  {
    keywords: [
      "music",
      "festival",
      "concert",
      "nightlife",
      "club",
      "dj",
      "film",
      "cinema",
      "conference",
      "summit",
      "hackathon",
    ],
    palette: "violet",
    neutral: "zinc",
    font: "geometric",
    mode: "dark",
  },
  {
    keywords: [
      "food",
      "restaurant",
      "pizza",
      "pizzeria",
      "burger",
      "bbq",
      "kitchen",
      "recipe",
      "recipes",
      "bistro",
    ],
    palette: "red",
    neutral: "stone",
    font: "friendly",
  },
  {
    keywords: [
      "design",
      "studio",
      "agency",
      "portfolio",
      "photo",
      "photography",
      "art",
      "architecture",
      "illustration",
    ],
    palette: "zinc",
    neutral: "zinc",
    font: "editorial",
  },
  {
    keywords: ["education", "course", "school", "learn", "learning", "academy", "tutoring", "lessons"],
    palette: "sky",
    neutral: "slate",
    font: "humanist",
  },
  {
    keywords: ["software", "saas", "app", "ai", "data", "analytics", "cloud", "platform", "startup", "tech"],
    palette: "indigo",
    neutral: "slate",
    font: "modern",
  },
];

export const DEFAULT_LOOK: Look = { keywords: [], palette: "indigo", neutral: "slate", font: "modern" };

/** Words removed from the subject to get the topic: "coffee subscription" → "coffee". */
export const KIND_NOUNS =
  /\b(?:subscription|subscriptions|box|delivery|membership|club|service|services|app|software|platform|tool|startup|shop|store|boutique|agency|studio|company|business|brand|course|class|classes|school|academy|restaurant|cafe|café|website|site|page|conference|event|portfolio)\b/g;
