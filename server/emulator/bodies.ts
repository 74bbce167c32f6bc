/**
 * Message body templates per kind. `{first}` becomes the contact's first name, `{agent}` a
 * user's, `{product}`, `{day}`, `{time}`, `{amount}`, `{company}`, `{city}` come from pools.
 */

export const INBOUND_TEXTS = [
  'Hi, is the {product} still available?',
  'Can I move my appointment to {day} at {time}?',
  'Thanks so much!',
  'Yes please',
  'What are your hours on {day}?',
  'Running 10 minutes late, sorry',
  'How much would it cost for the {product}?',
  'Who is this?',
  'STOP',
  'ok 👍',
  'Do you have anything available this week? I work until 5 most days.',
  'I got the invoice but the amount looks off, can someone call me back?',
  'Great, see you {day}!',
  'Is parking available near the {city} office?',
  'Can you send me the address again?',
  'I filled in the form on your website yesterday but never heard back.',
  "Hey! My friend recommended you guys. I'm looking for help with {product} for my business in {city}.",
  'Not interested, please remove me from your list',
  'Perfect, thank you {agent}',
  '??',
]

export const OUTBOUND_TEXTS = [
  'Hi {first}, this is {agent} from {company}. Just following up on your enquiry!',
  'Hi {first}, your appointment is confirmed for {day} at {time}. Reply C to confirm or R to reschedule.',
  'Thanks {first}! I have sent the details to your email.',
  'Hi {first}, we have a slot on {day} at {time}. Does that work for you?',
  'Sure, the {product} is {amount}. Want me to reserve one for you?',
  'Happy to help! What is the best time to call you?',
  'Hi {first}, just checking in. Did you get a chance to look at the quote?',
  'Reminder: your visit with {company} is tomorrow at {time}. See you soon!',
  'No problem at all, I have updated your booking.',
  'Hi {first}! Flash sale this weekend only: 20% off {product}. Reply STOP to opt out.',
]

export const EMAIL_PARAGRAPHS = [
  'Thanks for reaching out. I have attached the quote we discussed for the {product}.',
  'Please let me know if {day} at {time} still works for you.',
  'As promised, here is a summary of our call and the next steps.',
  'If you have any questions, simply reply to this email and our team will get back to you.',
  'We noticed you have not finished setting up your account yet.',
  'Your invoice of {amount} is due in 7 days. You can pay online using the link below.',
]

export const INBOUND_SUBJECTS = [
  'Question about the {product}',
  'Re: Your quote',
  'Appointment on {day}',
  'Invoice question',
  'Re: Following up',
  'Help needed',
  'Booking for {day} at {time}',
]

export const OUTBOUND_SUBJECTS = [
  'Your quote from {company}',
  'Appointment confirmed: {day} at {time}',
  'Following up, {first}',
  'Your invoice from {company}',
  'Welcome to {company}!',
  'Quick question, {first}',
]

export const REVIEWS = [
  '★★★★★ Fantastic service from start to finish. {agent} was super helpful!',
  '★★★★☆ Good experience overall, the wait was a bit long.',
  '★☆☆☆☆ Nobody called me back after two messages.',
  '★★★★★ Highly recommend {company}!',
  '★★★☆☆ It was fine.',
]

export const SOCIAL_TEXTS = [
  'Love this! 😍',
  'How much?',
  'DM sent',
  'Do you ship to {city}?',
  'Where are you located?',
  '🔥🔥🔥',
]

export const ACTIVITIES = [
  'Opportunity moved to Won',
  'Appointment booked for {day} at {time}',
  'Invoice sent: {amount}',
  'Payment received: {amount}',
  'Contact created',
  'Opportunity status changed to Open',
  'Appointment cancelled',
]

export const COMMENTS = [
  '@{agent} can you take this one?',
  'Called twice, no answer. @{agent} please try again tomorrow.',
  '@{agent} customer asked for a discount, ok to give 10%?',
  'VIP customer, handle with care',
]

export const FORMS = [
  'Form submitted: Contact Us. Message: I would like a quote for {product}.',
  'Form submitted: Book a Call. Preferred time: {day} {time}',
  'Survey completed: 9/10',
]

export const REACTIONS = ['Liked "See you {day}!"', 'Loved "Thanks {first}!"', 'Laughed at "Running late"']

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'tomorrow', 'next week']
export const TIMES = ['9:00 AM', '10:30 AM', '11:15 AM', '1:00 PM', '2:45 PM', '4:00 PM', '5:30 PM']

export const TAGS = [
  'lead',
  'customer',
  'vip',
  'new patient',
  'follow-up',
  'facebook lead',
  'website',
  'no-show',
  'referral',
  'hot',
  'cold',
  'newsletter',
  'appointment booked',
  'invoice overdue',
  'do not contact',
]
